// Culture Cloud's page script, on every page (our own, plain JS; pages work without it):
// - filter forms marked data-auto-submit apply themselves on every change, leaving empty
//   fields out of the URL, which is the filter state;
// - forms and links marked data-swap="main" fetch the next page and swap in its <main>
//   without a full page load (the catalogue's filters, search and pages), keeping history:
//   back and forward swap too.
(function () {
  'use strict';

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
        main.replaceWith(document.adoptNode(nextMain));
        document.title = next.title;
        if (push) history.pushState({ ccSwap: true }, '', url);
        var again = focused && document.getElementById(focused);
        if (again) again.focus();
      })
      .catch(function () { location.href = url; });
  }

  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (!form || !form.hasAttribute('data-auto-submit')) return;
    go(form);
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-auto-submit') && !form.hasAttribute('data-swap')) return;
    if ((form.method || 'get').toLowerCase() !== 'get') return;
    event.preventDefault();
    go(form);
  });

  function go(form) {
    var url = formUrl(form);
    if (form.getAttribute('data-swap') === 'main') swap(url, true);
    else location.href = url;
  }

  // Links inside a swapped region (the catalogue's pages) swap too.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var region = link.closest('[data-swap-links]');
    if (!region || link.origin !== location.origin) return;
    event.preventDefault();
    swap(link.pathname + link.search, true);
  });

  window.addEventListener('popstate', function () {
    if (document.querySelector('main [data-swap-links], main form[data-swap]')) swap(location.pathname + location.search, false);
  });
})();
