#!/usr/bin/env bash
# Stops the loopback Tryton started by tryton.sh (its database and pristine copy are kept).
exec "$(cd "$(dirname "$0")" && pwd)/tryton.sh" stop
