// Short tasks, so that a page busy with a long list keeps answering clicks and keys.

/** @type {{channel: MessageChannel, queue: (() => void)[]} | null} */
let tasks = null;

/**
 * Runs `then` in a task of its own, soon (without setTimeout's 4 ms once calls nest).
 * @param {() => void} then
 */
export function nextTask(then) {
  if (!tasks) {
    const made = { channel: new MessageChannel(), queue: /** @type {(() => void)[]} */ ([]) };
    made.channel.port1.onmessage = () => made.queue.shift()?.();
    tasks = made;
  }
  tasks.queue.push(then);
  tasks.channel.port2.postMessage(null);
}

/** Resolves in a task of its own, soon. */
export function aTaskLater() {
  return new Promise((resolve) => nextTask(() => resolve(undefined)));
}

/**
 * Resolves once the page has painted what it was given (or soon, in a tab in the
 * background, which paints nothing).
 * @returns {Promise<void>}
 */
export function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => nextTask(resolve));
    setTimeout(resolve, 100);
  });
}
