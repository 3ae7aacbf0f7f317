#!/usr/bin/env bash
# Stops the loopback Redmine started by redmine.sh (its database and pristine copy are kept).
exec "$(cd "$(dirname "$0")" && pwd)/redmine.sh" stop
