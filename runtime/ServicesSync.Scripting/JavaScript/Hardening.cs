namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// The script run once on each new engine before it serves evaluations. Engines are pooled and
/// reused, so nothing one evaluation does may be visible to the next: the realm is locked down
/// the way SES does it. Globals that carry state, timing side channels or
/// unchecked bulk allocation are removed, the RegExp
/// legacy statics (which remember the last match) are deleted, and then every object reachable
/// from the global object is frozen. A script that assigns <c>Array.prototype.map</c> or a global
/// gets a TypeError (strict mode) instead of poisoning the engine.
/// </summary>
internal static class Hardening
{
    /// <summary>Evaluates to a function that deep-freezes its argument with the same walk.</summary>
    public const string Script = """
        (function (g) {
          'use strict';
          // Binary buffers allocate their whole size in one step, before any statement check can
          // see it; JSON mappings have no use for them.
          for (const name of ['SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry', 'ShadowRealm',
                              'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
                              'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array',
                              'BigInt64Array', 'BigUint64Array']) {
            delete g[name];
          }
          for (const name of ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch', '$&',
                              'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'"]) {
            try { delete g.RegExp[name]; } catch (e) { }
          }

          // Freezing Object.prototype makes `o.toString = f` throw on ordinary objects (the
          // "override mistake"). Accessors that define an own property on the receiver keep
          // such assignments working while the prototype itself stays untouchable.
          const proto = Object.prototype;
          for (const name of Object.getOwnPropertyNames(proto)) {
            const d = Object.getOwnPropertyDescriptor(proto, name);
            if (!('value' in d) || name === '__proto__') continue;
            const value = d.value;
            Object.defineProperty(proto, name, {
              get() { return value; },
              set(v) {
                if (this === proto) throw new TypeError("Cannot assign to read only property '" + name + "' of Object.prototype");
                Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
              },
              enumerable: d.enumerable,
              configurable: false,
            });
          }

          const seen = new Set();
          const freeze = (o) => {
            if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) return;
            seen.add(o);
            Object.freeze(o);
            for (const key of Reflect.ownKeys(o)) {
              const d = Object.getOwnPropertyDescriptor(o, key);
              if (!d) continue;
              if ('value' in d) freeze(d.value); else { freeze(d.get); freeze(d.set); }
            }
            freeze(Object.getPrototypeOf(o));
          };
          freeze(g);
          // Handed back so the engine can freeze its host objects (log, ctx.xref) the same way.
          return (o) => { freeze(o); };
        })(globalThis)
        """;
}
