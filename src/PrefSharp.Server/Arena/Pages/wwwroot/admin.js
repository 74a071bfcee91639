'use strict';
// The admin page: sign in with the admin token, create invite links, see the latest votes with their reasons.
(() => {
  const labels = { a: 'A', b: 'B', tie: 'tie', both_bad: 'both bad' };

  async function showAdmin() {
    arena.byId('login-form').hidden = true;
    arena.byId('admin').hidden = false;
    const votes = await arena.request('/api/admin/votes');
    arena.fill('votes', votes.map((v) => [v.voted, v.annotator, v.model_a, v.model_b, labels[v.outcome], v.reason]));
  }

  arena.byId('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await arena.request('/api/admin/login', { token: arena.byId('token').value });
      await arena.signIn();
      await showAdmin();
    } catch (error) { arena.show('status', error.message); }
  });

  arena.byId('invite-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const invite = await arena.request('/api/admin/invites', { name: arena.byId('invitee').value });
      arena.show('invite-url', invite.invite_url);
    } catch (error) { arena.show('status', error.message); }
  });

  arena.signIn()
    .then((me) => { if (me.admin) return showAdmin(); arena.byId('login-form').hidden = false; })
    .catch(() => { arena.byId('login-form').hidden = false; });
})();
