/**
 * The manage page: plain HTML and a small script, no framework, readable without styles, in English and
 * Spanish (by the browser's language). Text from the server is always inserted as text, never as HTML.
 */
export const MANAGE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Your RSVP</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0 auto; max-width: 40rem; padding: 1.5rem; }
  h1 { font-size: 1.5rem; }
  ul { list-style: none; padding: 0; }
  li { border: 1px solid color-mix(in srgb, currentColor 30%, transparent); border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
  .state { font-weight: 600; }
  button { font: inherit; padding: .5rem 1rem; min-height: 2.75rem; border-radius: .375rem; border: 1px solid currentColor; background: transparent; color: inherit; cursor: pointer; }
  button.primary { background: #1d4ed8; color: #fff; border-color: #1d4ed8; }
  button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  [role=alert] { border-left: 4px solid #b91c1c; padding-left: .75rem; }
</style>
</head>
<body>
<main>
  <h1 id="title">Your RSVP</h1>
  <p id="status" role="status" aria-live="polite">Loading…</p>
  <div id="error" role="alert" hidden></div>
  <section id="details" hidden>
    <p id="who"></p>
    <ul id="sessions"></ul>
    <p><button type="button" id="cancel-all">Cancel my RSVP</button></p>
  </section>
</main>
<script type="module" src="manage/manage.js"></script>
</body>
</html>
`;

export const MANAGE_SCRIPT = `const es = (navigator.language || '').toLowerCase().startsWith('es');
const t = es
  ? { title: 'Tu inscripción', loading: 'Cargando…', noToken: 'Este enlace no es válido: ábrelo desde tu correo de confirmación.', cancelAll: 'Cancelar mi inscripción', cancelOne: 'Cancelar esta sesión', accept: 'Aceptar la plaza', confirmCancel: '¿Cancelar? Tu plaza pasará a la siguiente persona de la lista de espera.', cancelled: 'Cancelado.', accepted: 'Plaza confirmada.', failed: 'No se pudo completar: ', states: { requested: 'Solicitud recibida: las plazas se asignan al cerrar la inscripción', confirmed: 'Confirmada', waitlisted: 'En lista de espera, posición ', offered: 'Se te ofrece una plaza hasta ', cancelled: 'Cancelada', declined: 'No aceptada', expired: 'Oferta vencida' }, who: 'A nombre de ' }
  : { title: 'Your RSVP', loading: 'Loading…', noToken: 'This link is not valid: open it from your confirmation email.', cancelAll: 'Cancel my RSVP', cancelOne: 'Cancel this session', accept: 'Accept the seat', confirmCancel: 'Cancel? Your seat will go to the next person on the waiting list.', cancelled: 'Cancelled.', accepted: 'Your seat is confirmed.', failed: 'That did not work: ', states: { requested: 'Request received: places are allocated when RSVP closes', confirmed: 'Confirmed', waitlisted: 'On the waiting list, number ', offered: 'A seat is offered to you until ', cancelled: 'Cancelled', declined: 'Not accepted', expired: 'Offer expired' }, who: 'In the name of ' };
document.documentElement.lang = es ? 'es' : 'en';
const $ = (id) => document.getElementById(id);
$('title').textContent = t.title;
$('cancel-all').textContent = t.cancelAll;
const token = decodeURIComponent(location.hash.slice(1));
const status = (text) => { $('status').textContent = text; };
const fail = (text) => { const e = $('error'); e.textContent = text; e.hidden = false; };
async function call(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ token, ...body }), cache: 'no-store', credentials: 'omit' });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error((json.error && json.error.message) || String(r.status));
  return json;
}
const when = (s) => {
  if (!s.start) return '';
  // dateStyle cannot be combined with timeZoneName: spell the fields out.
  const day = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: s.timeZone };
  const options = s.timeUnknown ? day : { ...day, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  return new Intl.DateTimeFormat(document.documentElement.lang, options).format(new Date(s.start));
};
async function load() {
  $('error').hidden = true;
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(token)) { status(''); fail(t.noToken); return; }
  status(t.loading);
  try {
    const view = await call('manage/registration', {});
    $('title').textContent = view.workshop.title;
    $('who').textContent = t.who + view.name;
    const list = $('sessions');
    list.replaceChildren();
    let active = 0;
    for (const s of view.sessions) {
      const li = document.createElement('li');
      const heading = document.createElement('p');
      heading.textContent = [s.title, when(s)].filter(Boolean).join(' · ');
      const state = document.createElement('p');
      state.className = 'state';
      state.textContent = t.states[s.status] + (s.status === 'waitlisted' ? s.position : s.status === 'offered' ? new Date(s.offerExpiresAt).toLocaleString() : '');
      li.append(heading, state);
      const live = ['requested', 'confirmed', 'waitlisted', 'offered'].includes(s.status);
      if (live) active++;
      if (s.status === 'offered') {
        const b = document.createElement('button');
        b.className = 'primary';
        b.textContent = t.accept;
        b.addEventListener('click', () => act('manage/accept', { registrationId: s.registrationId }, t.accepted));
        li.append(b);
      }
      if (live && view.sessions.length > 1) {
        const b = document.createElement('button');
        b.textContent = t.cancelOne;
        b.addEventListener('click', () => { if (confirm(t.confirmCancel)) act('manage/cancel', { registrationId: s.registrationId }, t.cancelled); });
        li.append(b);
      }
      list.append(li);
    }
    $('cancel-all').hidden = active === 0;
    $('details').hidden = false;
    status('');
  } catch (error) { status(''); fail(t.failed + error.message); }
}
async function act(path, body, done) {
  try { await call(path, body); await load(); status(done); }
  catch (error) { fail(t.failed + error.message); }
}
$('cancel-all').addEventListener('click', () => { if (confirm(t.confirmCancel)) act('manage/cancel', {}, t.cancelled); });
load();
`;
