// The demo's mail catcher: an SMTP server in-process that keeps what the RSVP service sends, and an inbox
// page under /mail that lists the messages and shows each one's text, HTML and calendar invitation. Nothing
// leaves the machine.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const KEEP = 200;

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

/** Starts the catcher on a free local port; `url` is the SMTP_URL to give the RSVP service. */
export async function startMailCatcher() {
  const messages = [];
  let next = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            messages.unshift({ n: next++, at: new Date(), raw, parsed, calendar: parsed.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8') });
            messages.length = Math.min(messages.length, KEEP);
            callback();
          })
          .catch(callback);
      });
    },
  });
  // A sender that drops its connection must not take the demo down.
  server.on('error', (error) => console.warn(`[mail] ${error.message}`));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Serves /mail (the inbox), /mail/<n> (one message), /mail/<n>.html, /mail/<n>.ics, /mail/<n>.eml. */
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
      const m = /^\/mail\/(\d+)(\.html|\.ics|\.eml)?$/.exec(path);
      if (path === '/mail') return page(res, 'Demo inbox', inbox(messages));
      const message = m && messages.find((x) => x.n === Number(m[1]));
      if (!message) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('No such message (the inbox keeps the last 200, until the demo stops).');
      if (m[2] === '.html') {
        // The message's own HTML, shown in a sandboxed frame with no script and no network.
        return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox" }).end(message.parsed.html || '<p>(no HTML body)</p>');
      }
      if (m[2] === '.ics') return void res.writeHead(message.calendar ? 200 : 404, { 'Content-Type': 'text/calendar; charset=utf-8' }).end(message.calendar ?? 'No invitation.');
      if (m[2] === '.eml') return void res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message.raw);
      return page(res, message.parsed.subject ?? '(no subject)', one(message));
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function page(res, title, body) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem;border-radius:4px}iframe{width:100%;height:28rem;border:1px solid #ccc}.note{color:#555}</style></head>
<body><p><a href="/mail">Inbox</a> · <a href="/">Demo site</a></p>${body}</body></html>`);
}

function inbox(messages) {
  if (messages.length === 0) return '<h1>Demo inbox</h1><p>No messages yet. RSVP on a demo page (try “Try RSVP”); the confirmation arrives here within a few seconds. Reload to see new mail.</p>';
  const rows = messages
    .map((m) => `<tr><td>${escape(m.at.toLocaleTimeString('en-GB'))}</td><td>${escape(m.parsed.to?.text)}</td><td><a href="/mail/${m.n}">${escape(m.parsed.subject)}</a></td><td>${m.calendar ? escape(/METHOD:(\w+)/.exec(m.calendar)?.[1] ?? 'yes') : ''}</td></tr>`)
    .join('');
  return `<h1>Demo inbox</h1><p class="note">What the RSVP service sent, caught on this machine by the demo's own SMTP server (nothing is sent anywhere). Reload to see new mail.</p>
<table><thead><tr><th>Time</th><th>To</th><th>Subject</th><th>Invitation</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function one(m) {
  return `<h1>${escape(m.parsed.subject)}</h1>
<table><tr><th>From</th><td>${escape(m.parsed.from?.text)}</td></tr><tr><th>To</th><td>${escape(m.parsed.to?.text)}</td></tr><tr><th>Message-ID</th><td>${escape(m.parsed.messageId)}</td></tr>
<tr><th>Attachments</th><td>${m.parsed.attachments.map((a) => escape(`${a.contentType} ${a.filename ?? ''}`)).join('<br>') || 'none'}</td></tr></table>
<h2>HTML</h2><iframe sandbox src="/mail/${m.n}.html" title="The message as HTML"></iframe>
<h2>Plain text</h2><pre>${escape(m.parsed.text)}</pre>
${m.calendar ? `<h2>Calendar invitation</h2><p><a href="/mail/${m.n}.ics">Download invite.ics</a> (open it with your calendar)</p><pre>${escape(m.calendar)}</pre>` : ''}
<p><a href="/mail/${m.n}.eml">The raw message</a></p>`;
}
