// A bound on how many requests of one kind Next handles at once; the rest wait in line, without
// costing the server anything while they wait, and beyond the line are refused at once.
// Used by serve.mjs for sign-in (POST /api/auth/callback/…): 60 sign-ins arriving in the same
// instant used to run their next-auth work (CSRF check, JWT encryption, throttle and audit writes)
// back to back on the one event loop and hold a public answer for about a second; in line, they
// take turns with everything else. Node built-ins only.

/**
 * @param {{ maxInFlight: number, maxWaiting: number, refuse: (res: import('node:http').ServerResponse) => void }} opts
 */
export function createAdmission({ maxInFlight, maxWaiting, refuse }) {
  let inFlight = 0;
  /** @type {{ start: () => void, res: import('node:http').ServerResponse }[]} */
  const waiting = [];
  const next = () => {
    while (inFlight < maxInFlight && waiting.length) {
      const w = waiting.shift();
      if (w.res.destroyed || w.res.writableEnded) continue; // the client gave up while waiting
      w.start();
    }
  };
  /**
   * Run `handle` now or when a place frees; answer with `refuse(res)` when the line is full.
   * @param {import('node:http').IncomingMessage} _req
   * @param {import('node:http').ServerResponse} res
   * @param {() => void} handle
   */
  function admit(_req, res, handle) {
    const start = () => {
      inFlight++;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        inFlight--;
        next();
      };
      res.once('close', finish);
      res.once('finish', finish);
      handle();
    };
    if (inFlight < maxInFlight) return start();
    if (waiting.length >= maxWaiting) return refuse(res);
    // The body stays unread (buffered by the stream, then held back by TCP) until its turn; no
    // listener is attached, so nothing of it is lost.
    waiting.push({ start, res });
  }
  return { admit, stats: () => ({ inFlight, waiting: waiting.length }) };
}
