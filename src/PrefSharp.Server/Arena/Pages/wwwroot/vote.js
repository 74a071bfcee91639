'use strict';
// The voting page: one prompt, two anonymous answers; a vote (buttons or keys A, B, T, X) is sent with the pair's id,
// which makes retries and double clicks count once; the receipt reveals the model names; N or Enter fetches the next.
(() => {
  let pair = null;
  let voted = false;
  let sending = false;
  const buttons = () => document.querySelectorAll('#vote-form button[data-outcome]');

  async function next() {
    arena.show('status', 'Loading…');
    pair = await arena.request('/api/next');
    voted = false;
    arena.show('prompt', pair.prompt);
    arena.show('answer-a', pair.answer_a);
    arena.show('answer-b', pair.answer_b);
    arena.show('name-a', '');
    arena.show('name-b', '');
    arena.show('result', '');
    arena.byId('reason').value = '';
    buttons().forEach((b) => { b.disabled = false; b.classList.remove('chosen'); });
    arena.byId('next').hidden = true;
    arena.byId('pair').hidden = false;
    arena.show('status', '');
  }

  async function send(body) {
    for (let attempt = 0; ; attempt++) {
      try { return await arena.request('/api/vote', body); }
      catch (error) {
        if (error.status !== undefined || attempt >= 2) throw error;   // network failure: retry, the pair id deduplicates
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      }
    }
  }

  async function vote(outcome) {
    if (!pair || voted || sending) return;
    sending = true;
    buttons().forEach((b) => { b.disabled = true; b.classList.toggle('chosen', b.dataset.outcome === outcome); });
    try {
      const receipt = await send({ pair_id: pair.pair_id, outcome: outcome, reason: arena.byId('reason').value });
      voted = true;
      arena.show('name-a', '— ' + receipt.model_a);
      arena.show('name-b', '— ' + receipt.model_b);
      arena.show('result', 'Vote recorded. A was ' + receipt.model_a + ', B was ' + receipt.model_b + '.');
      arena.byId('next').hidden = false;
      arena.byId('next').focus();
    } catch (error) {
      buttons().forEach((b) => { b.disabled = false; });
      arena.show('result', 'Not recorded: ' + error.message);
    } finally {
      sending = false;
    }
  }

  const keys = { a: 'a', b: 'b', t: 'tie', x: 'both_bad', arrowleft: 'a', arrowright: 'b' };
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLTextAreaElement || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (keys[key] && !voted) { event.preventDefault(); vote(keys[key]); }
    else if ((key === 'n' || key === 'enter') && voted) { event.preventDefault(); next().catch(fail); }
  });
  buttons().forEach((b) => b.addEventListener('click', () => vote(b.dataset.outcome)));
  arena.byId('next').addEventListener('click', () => next().catch(fail));

  function fail(error) { arena.show('status', error.message); }
  arena.signIn().then(next).catch(fail);
})();
