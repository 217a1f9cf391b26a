// Finds every [data-component] element whose text overflows, after the page's fonts are loaded.
// Called through executeAsyncScript: the last argument is the callback. Answers
// {checked, width, fonts, overflows: [[component, index, px, 'H'|'V'], ...]}.
var done = arguments[arguments.length - 1];
var TOLERANCE = 5;
function px(v) { var n = parseFloat(v); return isNaN(n) ? 0 : n; }
function contentRight(box) {
  var s = getComputedStyle(box);
  return box.getBoundingClientRect().right - px(s.borderRightWidth) - px(s.paddingRight);
}
function run() {
  var pageRight = document.documentElement.clientWidth;
  var overflows = [];
  var checked = 0;
  var els = document.querySelectorAll('[data-component]');
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    checked++;
    var component = el.getAttribute('data-component');
    var index = parseInt(el.getAttribute('data-index') || '0', 10);
    var ellipsis = s.textOverflow === 'ellipsis' && s.overflowX !== 'visible';
    var clamp = s.webkitLineClamp && s.webkitLineClamp !== 'none';
    if (!ellipsis) {
      var h = el.scrollWidth - el.clientWidth;
      var r = el.getBoundingClientRect();
      var box = el.closest('[data-box]');
      if (box) h = Math.max(h, r.right - contentRight(box));
      h = Math.max(h, r.right - pageRight);
      if (h > TOLERANCE) overflows.push([component, index, Math.round(h), 'H']);
    }
    if (!clamp && (s.overflowY === 'hidden' || s.overflowY === 'clip')) {
      var v = el.scrollHeight - el.clientHeight;
      if (v > TOLERANCE) overflows.push([component, index, Math.round(v), 'V']);
    }
  }
  var fontsLoaded = true;
  document.fonts.forEach(function (f) { if (f.status === 'error') fontsLoaded = false; });
  return {checked: checked, width: pageRight, fonts: fontsLoaded, overflows: overflows};
}
document.fonts.ready.then(function () { done(run()); }, function () { done(run()); });
