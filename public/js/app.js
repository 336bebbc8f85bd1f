// Culture Cloud's page script, on every page (our own, plain JS; pages work without it).
// - Filter forms marked data-auto-submit apply themselves on every change, leaving empty
//   fields out of the URL, which is the filter state.
// - Forms and links marked data-swap="main" / data-swap-links fetch the next page and swap in
//   its <main> without a full page load (the catalogue), keeping history.
// - The service worker (/sw.js): registered here; when a new deployment's worker is ready, a
//   banner offers to update, and the page reloads once it has taken over — never an old
//   bundle with new pages, nor the other way round.
// - A page the worker served from its copy (no network) says when that copy was saved.
// - "Add to home screen" where the browser offers it.
// Everything shown is made with DOM calls and textContent, never markup.
(function () {
  'use strict';

  var zh = (document.documentElement.lang || 'zh').indexOf('zh') === 0;
  function say(chinese, english) { return zh ? chinese : english; }

  // ---- filters and swapping -------------------------------------------------------------

  /** The form's URL without its empty fields. */
  function formUrl(form) {
    var url = new URL(form.getAttribute('action') || location.pathname, location.href);
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
    });
    var query = params.toString();
    return url.pathname + (query ? '?' + query : '');
  }

  var swapping = 0;
  /** Fetches `url` and swaps in its <main> (and title); falls back to loading it. */
  function swap(url, push) {
    var mine = ++swapping;
    var main = document.querySelector('main');
    if (main) main.setAttribute('aria-busy', 'true');
    return fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok && response.status !== 400 && response.status !== 404) throw new Error('HTTP ' + response.status);
        return response.text();
      })
      .then(function (html) {
        if (mine !== swapping) return;
        var next = new DOMParser().parseFromString(html, 'text/html');
        var nextMain = next.querySelector('main');
        if (!nextMain || !main) { location.href = url; return; }
        var focused = document.activeElement && document.activeElement.id;
        // A sheet the resident opened (the filters on a phone) stays open on the new results.
        main.querySelectorAll('details[id][open]').forEach(function (open) {
          var again = nextMain.querySelector('#' + CSS.escape(open.id));
          if (again) again.open = true;
        });
        main.replaceWith(document.adoptNode(nextMain));
        document.title = next.title;
        if (push) history.pushState({ ccSwap: true }, '', url);
        relanguage();
        var again = focused && document.getElementById(focused);
        if (again) again.focus();
      })
      .catch(function () { location.href = url; });
  }

  /** Language links lead to this page as it is now (filters included) in the other language. */
  function relanguage() {
    document.querySelectorAll('a[data-lang-switch]').forEach(function (link) {
      var url = new URL(location.href);
      url.searchParams.delete('lang');
      url.searchParams.append('lang', link.getAttribute('data-lang-switch'));
      link.href = url.pathname + url.search;
    });
  }

  function go(form) {
    var url = formUrl(form);
    if (form.getAttribute('data-swap') === 'main') swap(url, true);
    else location.href = url;
  }

  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute('data-auto-submit')) go(form);
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-auto-submit') && !form.hasAttribute('data-swap')) return;
    if ((form.method || 'get').toLowerCase() !== 'get') return;
    event.preventDefault();
    go(form);
  });

  // Links inside a swapped region (the catalogue's pages) swap too.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!link.closest('[data-swap-links]') || link.origin !== location.origin) return;
    event.preventDefault();
    swap(link.pathname + link.search, true);
  });

  window.addEventListener('popstate', function () {
    if (document.querySelector('main [data-swap-links], main form[data-swap]')) swap(location.pathname + location.search, false);
  });

  // ---- banners --------------------------------------------------------------------------

  /** A notice at the top of the page (never a pop-up): text, and an optional button. */
  function banner(kind, text, action, onAction) {
    var old = document.querySelector('[data-banner="' + kind + '"]');
    if (old) old.remove();
    var box = document.createElement('div');
    box.className = 'app-banner';
    box.setAttribute('role', 'status');
    box.dataset.banner = kind;
    box.dataset.testid = 'banner-' + kind;
    var words = document.createElement('span');
    words.textContent = text;
    box.appendChild(words);
    if (action) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = action;
      button.addEventListener('click', onAction);
      box.appendChild(button);
    }
    document.body.insertBefore(box, document.body.firstChild);
    return box;
  }

  function offlineCopyBanner() {
    var saved = document.body.dataset.offlineCopy;
    if (!saved) return;
    var when = new Date(saved);
    if (isNaN(when)) return;
    var time = String(when.getHours()).padStart(2, '0') + ':' + String(when.getMinutes()).padStart(2, '0');
    // A copy from another day says which day: a ticket's page may be days old.
    if (when.toDateString() !== new Date().toDateString()) {
      var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      time = zh ? (when.getMonth() + 1) + '月' + when.getDate() + '日 ' + time
        : when.getDate() + ' ' + months[when.getMonth()] + ' ' + time;
    }
    banner('offline', say('现在没有网络：这是 ' + time + ' 保存在手机上的副本。', 'You are offline: this is the copy saved at ' + time + '.'));
  }

  // ---- service worker -------------------------------------------------------------------

  var updateAccepted = false;
  function offerUpdate(worker) {
    banner('update', say('新版本可用。', 'A new version is available.'), say('更新', 'Update'), function () {
      updateAccepted = true;
      worker.postMessage('skip-waiting');
    });
  }

  function startWorker() {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js').then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      registration.addEventListener('updatefound', function () {
        var worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
        });
      });
      // Look for a new deployment whenever the resident comes back to the app.
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') registration.update().catch(function () {});
      });
    }).catch(function () {});
    var reloaded = false;
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (updateAccepted && !reloaded) { reloaded = true; location.reload(); }
    });
    // The offline page in the language the resident reads now.
    navigator.serviceWorker.ready.then(function (registration) {
      var lang = document.documentElement.lang;
      var kept = localStorage.getItem('cc-offline-lang');
      // A worker just installed kept it in this language already.
      if (registration.active && kept && kept !== lang) registration.active.postMessage('refresh-offline');
      localStorage.setItem('cc-offline-lang', lang);
    });
  }

  // Logging out: personal pages and tickets leave the phone's copies too.
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-forget-personal]') && navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage('forget-personal');
    }
  }, true);

  // ---- add to home screen ---------------------------------------------------------------

  var installPrompt = null;
  window.addEventListener('beforeinstallprompt', function (event) {
    event.preventDefault();
    installPrompt = event;
    showInstall();
  });
  function showInstall() {
    var standalone = window.matchMedia && window.matchMedia('(display-mode: standalone)').matches;
    document.querySelectorAll('[data-install]').forEach(function (button) { button.hidden = standalone || !installPrompt; });
    document.querySelectorAll('[data-install-help]').forEach(function (help) { help.hidden = standalone || !!installPrompt; });
    document.querySelectorAll('[data-installed]').forEach(function (note) { note.hidden = !standalone; });
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-install]');
    if (!button || !installPrompt) return;
    installPrompt.prompt();
    installPrompt.userChoice.then(function () { installPrompt = null; showInstall(); });
  });

  function start() {
    offlineCopyBanner();
    showInstall();
    // After the page has loaded: the worker's copies of this build's files then come from the
    // browser's cache, not a second download competing with the page's own.
    if (document.readyState === 'complete') startWorker();
    else window.addEventListener('load', startWorker);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
