/* embed.html: one <callchart-chart> filling the frame, from
 * embed.html?chart=revenue&theme=dark&lang=zh-TW#v2=… (the link's payload). */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var el = document.createElement('callchart-chart');
  el.setAttribute('chart', params.get('chart') || 'revenue');
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') el.setAttribute('theme', theme);
  if (params.get('lang') === 'zh-TW') document.documentElement.lang = 'zh-TW';
  el.setAttribute('data', location.hash.replace(/^#/, ''));
  document.body.appendChild(el);
  window.addEventListener('hashchange', function () {
    el.setAttribute('data', location.hash.replace(/^#/, ''));
  });
})();
