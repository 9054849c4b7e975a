// The engine's warm-up (docs/assets/checker/worker/python.js), without a browser: a fake
// engine and node's mock timers.
import assert from "node:assert/strict";
import { mock, test } from "node:test";

import { warmUpWhenIdle } from "../../docs/assets/checker/worker/python.js";

/** An engine that counts its warm-ups (and fails them, if asked). */
function engine({ fails = false } = {}) {
  const counted = { warmUps: 0 };
  const web = {
    warm_up() {
      counted.warmUps += 1;
      if (fails) throw new Error("PythonError: no");
    },
  };
  return { counted, engine: { web } };
}

test("an engine left idle after its start warms up once, a moment later", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { counted, engine: started } = engine();
  warmUpWhenIdle(started);
  t.mock.timers.tick(299);
  assert.equal(counted.warmUps, 0);
  t.mock.timers.tick(1);
  assert.equal(counted.warmUps, 1);
  t.mock.timers.tick(10_000);
  assert.equal(counted.warmUps, 1);
});

test("each call puts the warm-up back until the engine has been idle long enough", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { counted, engine: started } = engine();
  const postpone = warmUpWhenIdle(started);
  t.mock.timers.tick(200);
  postpone();
  t.mock.timers.tick(200);
  postpone();
  t.mock.timers.tick(299);
  assert.equal(counted.warmUps, 0);
  t.mock.timers.tick(1);
  assert.equal(counted.warmUps, 1);
  postpone(); // a call after the warm-up: nothing more
  t.mock.timers.tick(10_000);
  assert.equal(counted.warmUps, 1);
});

test("a warm-up that fails is only logged: the engine's next call reports its own errors", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const warned = mock.method(console, "warn", () => {});
  const { counted, engine: started } = engine({ fails: true });
  warmUpWhenIdle(started);
  assert.doesNotThrow(() => t.mock.timers.tick(300));
  assert.equal(counted.warmUps, 1);
  assert.equal(warned.mock.callCount(), 1);
  warned.mock.restore();
});
