'use strict';
// The live leaderboard: the same Bradley–Terry fit as `prefsharp rank`, votes per model and annotator, and agreement;
// refreshed every five seconds.
(() => {
  const round = (x) => (x === null || x === undefined ? '' : Math.round(x));
  const kappa = (x) => (x === null || x === undefined ? 'undefined' : x.toFixed(3));

  async function refresh() {
    const view = await arena.request('/api/leaderboard');
    arena.show('total', '(' + view.votes + ' votes)');
    arena.show('status', view.problem ? 'No fit yet: ' + view.problem : '');
    const items = view.leaderboard ? view.leaderboard.items : Object.keys(view.model_votes).map((name) => ({ name: name, battles: view.model_votes[name] }));
    arena.fill('board', items.map((item) => [item.rank ?? '', item.name, round(item.rating),
      item.rating_lo === undefined || item.rating_lo === null ? '' : round(item.rating_lo) + ' – ' + round(item.rating_hi),
      item.battles, item.wins ?? '', item.ties ?? '', item.losses ?? '']));
    arena.fill('annotators', Object.keys(view.annotator_votes).map((name) => [name, view.annotator_votes[name]]));
    const agreement = view.agreement;
    arena.show('fleiss', agreement
      ? "Fleiss' κ " + kappa(agreement.fleiss_kappa) + ' over ' + agreement.fleiss_items + ' items with ' + agreement.fleiss_raters + ' votes each.'
      : 'No item has been voted by two annotators yet.');
    arena.fill('cohen', agreement ? agreement.cohen_kappa.map((k) => [k.a + ' / ' + k.b, k.items, kappa(k.kappa)]) : []);
    arena.byId('cohen').hidden = !agreement;
  }

  function loop() { refresh().catch((error) => arena.show('status', error.message)).finally(() => setTimeout(loop, 5000)); }
  arena.signIn().then(loop).catch((error) => arena.show('status', error.message));
})();
