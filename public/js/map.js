// Culture Cloud's map. Draws the facilities of /api/v1/facilities on a Leaflet map with one
// marker style per level and clustering when zoomed out.
//
// The page (rendered by Leptos) owns the state: it renders
//   <div data-cc-map data-source="/api/v1/facilities?…" data-tile-url=… data-attribution=…
//        data-labels='{"district":"区",…,"open":"开放中",…}'></div>
// and changes data-source when a filter changes; this script follows. It loads Leaflet itself,
// in order, so it works after a client-side navigation as well as on a first load. When tiles
// cannot load (offline, blocked) the markers stay on a plain background and a notice shows.
(function () {
  'use strict';

  var base = '/vendor/';
  // The same version as this script's own URL (`?v=…`): the vendor files of this build.
  var version = document.currentScript ? new URL(document.currentScript.src).search : '';
  var ready = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function loadLeaflet() {
    if (!ready) {
      ready = (window.L ? Promise.resolve() : loadScript(base + 'leaflet/leaflet.js' + version))
        .then(function () { return window.L.markerClusterGroup ? null : loadScript(base + 'markercluster/leaflet.markercluster.js' + version); });
    }
    return ready;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  function link(href, text) {
    var a = el('a', null, text);
    a.href = href;
    return a;
  }

  // The card a marker opens: built with textContent only, never from HTML strings.
  function card(f, labels) {
    var p = f.properties;
    var box = el('div', 'map-card');
    var title = el('p', 'map-card-title');
    title.appendChild(link('/facilities/' + p.id, p.name));
    box.appendChild(title);
    box.appendChild(el('p', 'map-card-meta', (labels[p.level] || p.level) + ' · ' + p.address));
    if (p.open_now !== null && p.open_now !== undefined) {
      box.appendChild(el('p', p.open_now ? 'map-card-open' : 'map-card-closed', p.open_now ? labels.open : labels.closed));
    }
    if (p.distance_m !== undefined) box.appendChild(el('p', 'map-card-meta', labels.distance + ' ' + formatDistance(p.distance_m, labels)));
    if (p.this_week && p.this_week.length) {
      box.appendChild(el('p', 'map-card-sub', labels.this_week));
      var list = el('ul', 'map-card-sessions');
      p.this_week.forEach(function (s) {
        var li = el('li');
        li.appendChild(el('span', 'map-card-when', s.starts_at.slice(5, 16).replace('T', ' ') + ' '));
        li.appendChild(link('/items/' + s.item_id, s.title));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    return box;
  }

  function formatDistance(m, labels) {
    return m < 1000 ? Math.round(m) + ' ' + labels.m : (m / 1000).toFixed(1) + ' ' + labels.km;
  }

  function icon(level, labels) {
    return window.L.divIcon({
      className: 'marker marker-' + level,
      html: '<span aria-hidden="true">' + (labels['short_' + level] || '') + '</span>',
      iconSize: [30, 30],
      iconAnchor: [15, 15],
      popupAnchor: [0, -12],
    });
  }

  function init(container) {
    if (container.ccMap) return;
    container.ccMap = true;
    var labels = JSON.parse(container.dataset.labels || '{}');
    var canvas = el('div', 'map-canvas');
    container.appendChild(canvas);
    var notice = container.parentElement.querySelector('[data-cc-map-notice]');

    loadLeaflet().then(function () {
      var L = window.L;
      // The map itself carries the zoom range: once failed tiles are removed no layer does, and
      // clustering needs a finite maximum zoom.
      var map = L.map(canvas, { center: [39.92, 116.19], zoom: 12, minZoom: 9, maxZoom: 19 });
      var tiles = L.tileLayer(container.dataset.tileUrl, { attribution: container.dataset.attribution, maxZoom: 19 });
      var failed = false;
      tiles.on('tileerror', function () {
        if (failed) return;
        failed = true;
        map.removeLayer(tiles);
        container.classList.add('map-offline');
        if (notice) notice.hidden = false;
      });
      tiles.addTo(map);
      var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true });
      map.addLayer(cluster);

      var loading = 0;
      function load() {
        var mine = ++loading;
        container.dataset.ready = 'false';
        fetch(container.dataset.source, { headers: { Accept: 'application/json' } })
          .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
          .then(function (data) {
            if (mine !== loading) return; // a newer filter won
            cluster.clearLayers();
            var markers = data.features.map(function (f) {
              var c = f.geometry.coordinates;
              var m = L.marker([c[1], c[0]], { icon: icon(f.properties.level, labels), title: f.properties.name, keyboard: true });
              m.bindPopup(function () { return card(f, labels); });
              return m;
            });
            cluster.addLayers(markers);
            // Without animation: the map is settled when it says it is ready (a popup opened
            // during a zoom animation could be left half outside the map).
            if (markers.length) map.fitBounds(cluster.getBounds(), { padding: [24, 24], maxZoom: 15, animate: false });
            container.dataset.count = String(markers.length);
            container.dataset.ready = 'true';
          })
          .catch(function (e) {
            container.dataset.ready = 'error';
            if (notice) { notice.hidden = false; }
            console.warn('map: ' + e.message);
          });
      }
      new MutationObserver(load).observe(container, { attributes: true, attributeFilter: ['data-source'] });
      load();
      if (container.dataset.demandSource) demandLayer(L, map, container, labels);
      if (container.dataset.heritageSource) heritageLayer(L, map, container, labels);
    }).catch(function (e) {
      container.dataset.ready = 'error';
      if (notice) notice.hidden = false;
      console.warn('map: ' + e.message);
    });
  }

  // 点单: open demands per community, a badge of their votes (growing with them) at the upper
  // right of the community's place, above the facility markers and clusters (its own pane), so
  // both stay clickable; in a layer residents can switch off. Built with textContent only.
  function demandLayer(L, map, container, labels) {
    map.createPane('demands').style.zIndex = 650;
    var layer = L.layerGroup().addTo(map);
    // Listed at once, so the switch box keeps its order whichever answer comes first.
    overlays(L, map).addOverlay(layer, labels.demands);
    fetch(container.dataset.demandSource, { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (communities) {
        communities.forEach(function (c) {
          var size = Math.round(Math.min(22 + 3 * Math.sqrt(c.votes), 44));
          var where = c.street + ' · ' + c.community;
          var badge = el('span', null, String(c.votes));
          var marker = L.marker([c.lat, c.lng], {
            pane: 'demands', keyboard: true, title: where + ' · ' + c.votes + ' ' + labels.demand_votes,
            icon: L.divIcon({ className: 'demand-marker', html: badge, iconSize: [size, size], iconAnchor: [-8, size + 8], popupAnchor: [size / 2 + 8, -size - 8] }),
          });
          marker.bindPopup(function () {
            var box = el('div', 'map-card');
            var title = el('p', 'map-card-title');
            title.appendChild(link('/demands?community=' + c.community_id, where));
            box.appendChild(title);
            box.appendChild(el('p', 'map-card-meta', c.demands + ' ' + labels.demands_open + ' · ' + c.votes + ' ' + labels.demand_votes));
            var more = el('p', 'map-card-more');
            more.appendChild(link('/demands?community=' + c.community_id, labels.see_demands));
            box.appendChild(more);
            return box;
          });
          layer.addLayer(marker);
        });
        container.dataset.demands = String(communities.length);
      })
      .catch(function (e) { console.warn('map demands: ' + e.message); });
  }

  // The one switch box of the map's extra layers, made by whichever layer comes first.
  function overlays(L, map) {
    if (!map.ccOverlays) map.ccOverlays = L.control.layers(null, {}, { collapsed: false }).addTo(map);
    return map.ccOverlays;
  }

  // 非遗: the places where heritage projects are practised, each a marker leading to its
  // project, in a layer residents can switch off. Built with textContent only.
  function heritageLayer(L, map, container, labels) {
    // Above the facilities' markers and clusters, below the demand badges.
    map.createPane('heritage').style.zIndex = 640;
    var layer = L.layerGroup().addTo(map);
    overlays(L, map).addOverlay(layer, labels.heritage);
    fetch(container.dataset.heritageSource, { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (places) {
        places.forEach(function (p) {
          var marker = L.marker([p.lat, p.lng], {
            pane: 'heritage', keyboard: true, title: p.project + ' · ' + p.place,
            icon: L.divIcon({ className: 'heritage-marker', html: el('span', null, labels.short_heritage), iconSize: [28, 28], iconAnchor: [14, 14], popupAnchor: [0, -12] }),
          });
          marker.bindPopup(function () {
            var box = el('div', 'map-card');
            var title = el('p', 'map-card-title');
            title.appendChild(link('/heritage/' + p.project_id, p.project));
            box.appendChild(title);
            box.appendChild(el('p', 'map-card-meta', p.place));
            return box;
          });
          layer.addLayer(marker);
        });
        container.dataset.heritage = String(places.length);
      })
      .catch(function (e) { console.warn('map heritage: ' + e.message); });
  }

  var scheduled = false;
  function scan() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(function () {
      scheduled = false;
      document.querySelectorAll('[data-cc-map]').forEach(init);
    });
  }

  // Leaflet fills the container with its own elements, so wait until the WASM bundle has
  // hydrated the page (it marks <body data-hydrated>): hydration must find the page as the
  // server rendered it. If the bundle never arrives, draw the map anyway after a while.
  function start() {
    scan();
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  }
  function hydrated() { return document.body && document.body.dataset.hydrated === 'true'; }
  function whenHydrated() {
    if (hydrated()) return start();
    var started = false;
    var once = function () { if (!started) { started = true; watcher.disconnect(); start(); } };
    var watcher = new MutationObserver(function () { if (hydrated()) once(); });
    watcher.observe(document.body, { attributes: true, attributeFilter: ['data-hydrated'] });
    setTimeout(once, 10000);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenHydrated);
  else whenHydrated();
})();
