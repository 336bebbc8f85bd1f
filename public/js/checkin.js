// Door check-in from the phone's camera, with a queue that survives a flaky connection.
//
// The door page (rendered by Leptos) contains
//   <section data-cc-scanner data-session="12" data-labels='{"done":"签到成功。",…}'>
//     <button data-scan-start>…</button> <video data-scan-video hidden></video>
//     <p data-scan-status role="status"></p> <p data-scan-queue></p>
//   </section>
// Every ticket read by the camera (BarcodeDetector where the browser has it, the bundled jsQR
// otherwise) is queued in localStorage and sent to /api/v1/staff/sessions/{id}/checkins (or the
// door's own `data-checkins`, as training sessions' doors name theirs). A scan
// that cannot reach the server (offline, timeout, 5xx) stays queued and is retried every few
// seconds and when the connection returns. The server lets a ticket in once, so a retry of a
// scan that did get through answers "already checked in" and is simply done: never counted twice.
(function () {
  'use strict';
  // The same version as this script's own URL (`?v=…`): the vendor files of this build.
  var version = document.currentScript ? new URL(document.currentScript.src).search : '';

  var QUEUE_KEY = 'cc_checkin_queue';
  var RETRY_MS = 5000;
  var flushing = false;
  var lastText = '';
  var lastAt = 0;

  function scanner() { return document.querySelector('[data-cc-scanner]'); }
  function labels() {
    var el = scanner();
    try { return JSON.parse((el && el.getAttribute('data-labels')) || '{}'); } catch (e) { return {}; }
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || '[]'); } catch (e) { return []; }
  }
  function store(queue) {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    render();
  }
  function render() {
    var el = scanner();
    if (!el) return;
    var waiting = load().length;
    var q = el.querySelector('[data-scan-queue]');
    if (q) {
      q.textContent = waiting ? (labels().queued || 'Waiting to send: ') + waiting : '';
      q.setAttribute('data-count', String(waiting));
    }
  }
  function say(text, ok) {
    var el = scanner();
    var s = el && el.querySelector('[data-scan-status]');
    if (!s) return;
    s.textContent = text;
    s.className = ok ? 'booking-outcome' : 'form-error';
  }

  // One attempt: 'done' (let in, or already in), 'refused' (a bad ticket), or 'retry'.
  function send(item) {
    var endpoint = item.endpoint || '/api/v1/staff/sessions/' + item.session + '/checkins';
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ ticket: item.ticket })
    }).then(function (response) {
      if (response.status >= 500) return 'retry';
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) { say((labels().done || 'Checked in.') + ' ' + (body.holder || ''), true); return 'done'; }
        var error = body && body.error ? body.error : {};
        say(error.message || String(response.status), false);
        return error.code === 'already_checked_in' ? 'done' : 'refused';
      });
    }, function () { return 'retry'; });
  }

  // Sends the queue in order; stops at the first scan that must wait, to keep the order.
  function flush() {
    if (flushing) return Promise.resolve();
    flushing = true;
    var step = function () {
      var queue = load();
      if (!queue.length) return null;
      return send(queue[0]).then(function (outcome) {
        if (outcome === 'retry') { say(labels().offline || 'Offline: the scan will be sent.', false); return null; }
        store(load().slice(1));
        window.dispatchEvent(new CustomEvent('cc-checkin'));
        return step();
      });
    };
    return Promise.resolve(step()).then(function () { flushing = false; render(); },
                                        function () { flushing = false; });
  }

  // Queues a scanned or typed ticket for the page's session.
  function submit(ticket) {
    var el = scanner();
    if (!el || !ticket) return Promise.resolve();
    var session = el.getAttribute('data-session');
    // A training session's door names its own endpoint (`data-checkins`); a queued scan keeps
    // it, so a scan sent later still goes to the door it was made at.
    var endpoint = el.getAttribute('data-checkins') || '';
    var queue = load();
    if (!queue.some(function (i) { return i.ticket === ticket && i.session === session && (i.endpoint || '') === endpoint; })) {
      queue.push({ session: session, endpoint: endpoint, ticket: ticket, at: Date.now() });
      store(queue);
    }
    return flush();
  }

  function loadJsQr() {
    if (window.jsQR) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = '/vendor/jsqr/jsQR.js' + version;
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function seen(text) {
    // The camera sees the same code many times a second: take it once per few seconds.
    var now = Date.now();
    if (text === lastText && now - lastAt < 4000) return;
    lastText = text;
    lastAt = now;
    submit(text);
  }

  function startCamera(el) {
    var video = el.querySelector('[data-scan-video]');
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say(labels().no_camera || 'No camera here: type the code.', false);
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.setAttribute('playsinline', '');
      video.play();
      var detector = 'BarcodeDetector' in window ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
      var canvas = document.createElement('canvas');
      var ready = detector ? Promise.resolve() : loadJsQr();
      ready.then(function () {
        var tick = function () {
          if (!document.body.contains(video)) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
          if (video.readyState >= 2) {
            if (detector) {
              detector.detect(video).then(function (codes) { if (codes.length) seen(codes[0].rawValue); }, function () {});
            } else {
              canvas.width = video.videoWidth;
              canvas.height = video.videoHeight;
              var ctx = canvas.getContext('2d');
              ctx.drawImage(video, 0, 0);
              var image = ctx.getImageData(0, 0, canvas.width, canvas.height);
              var code = window.jsQR(image.data, image.width, image.height);
              if (code && code.data) seen(code.data);
            }
          }
          setTimeout(function () { requestAnimationFrame(tick); }, 150);
        };
        tick();
      });
    }, function () { say(labels().no_camera || 'The camera is not available: type the code.', false); });
  }

  document.addEventListener('click', function (event) {
    var start = event.target.closest && event.target.closest('[data-scan-start]');
    if (start) startCamera(start.closest('[data-cc-scanner]'));
  });
  window.addEventListener('online', function () { flush(); });
  setInterval(function () { if (load().length) flush(); }, RETRY_MS);
  document.addEventListener('DOMContentLoaded', render);

  window.ccCheckin = { submit: submit, flush: flush, queued: function () { return load().length; } };
})();
