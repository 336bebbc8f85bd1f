// Picking a facility's position on the console's records page. Each record's form has a
// "pick on the map" button; it opens a small Leaflet map under the form, centred on the
// position typed in. A click on the map, or dragging the marker, writes "lat,lng" (six
// decimals, about 10 cm) into the form's position field, which the form then saves as usual.
// The tile source comes from the table's data-tile-url and data-attribution.
(function () {
  'use strict';
  // The same version as this script's own URL (`?v=…`): the vendor files of this build.
  var version = document.currentScript ? new URL(document.currentScript.src).search : '';

  var ready = null;
  function loadLeaflet() {
    if (!ready) {
      ready = window.L ? Promise.resolve() : new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = '/vendor/leaflet/leaflet.js' + version;
        s.onload = resolve;
        s.onerror = function () { reject(new Error('could not load Leaflet')); };
        document.head.appendChild(s);
      });
    }
    return ready;
  }

  function parse(text) {
    var parts = (text || '').split(',').map(function (p) { return parseFloat(p); });
    if (parts.length === 2 && isFinite(parts[0]) && isFinite(parts[1])) return parts;
    return null;
  }

  function write(input, latlng) {
    input.value = latlng.lat.toFixed(6) + ',' + latlng.lng.toFixed(6);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function open(button) {
    var form = button.closest('form');
    var input = form && form.querySelector('input[name="position"]');
    if (!input) return;
    var existing = form.querySelector('.pick-map');
    if (existing) { existing.remove(); return; }
    var table = button.closest('[data-tile-url]');
    var box = document.createElement('div');
    box.className = 'pick-map';
    box.setAttribute('data-testid', 'pick-map');
    form.appendChild(box);
    loadLeaflet().then(function () {
      var L = window.L;
      var at = parse(input.value) || [39.9066, 116.1953];
      var map = L.map(box, { center: at, zoom: 16 });
      if (table && table.dataset.tileUrl) {
        L.tileLayer(table.dataset.tileUrl, { attribution: table.dataset.attribution, maxZoom: 19 }).addTo(map);
      }
      var marker = L.marker(at, { draggable: true, keyboard: true }).addTo(map);
      marker.on('dragend', function () { write(input, marker.getLatLng()); });
      map.on('click', function (e) { marker.setLatLng(e.latlng); write(input, e.latlng); });
      // Tests and assistive tools reach the map through the element itself.
      box.ccPick = function (lat, lng) { var p = L.latLng(lat, lng); marker.setLatLng(p); write(input, p); };
    }, function () {
      box.textContent = button.dataset.failed || '地图加载失败 / The map could not load.';
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-pick-map]');
    if (button) { event.preventDefault(); open(button); }
  });
})();
