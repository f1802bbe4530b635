/* callchart: the page's own words in English and Traditional Chinese
 * (zh-TW), one catalogue per language with the same keys (held to that by
 * tests/e2e/i18n.test.mjs). What Rust writes (chart titles, amounts, periods,
 * summaries, tables, tooltips' details, input messages) comes from Rust's
 * catalogue (src/i18n.rs) through explain(lang), reading(lang) and the draw
 * style's lang; this file only has the page's buttons, headings, help and
 * status lines.
 *
 * A classic script loaded before app.js: it makes `callchartI18n`
 *   .lang                 "en" or "zh-TW"
 *   .t(key, a0, a1, …)    the text of key with {0}, {1}, … filled
 *   .set(lang)            switches the page (html lang, static texts) and
 *                         tells the listeners (app.js redraws and re-explains)
 *   .pick(languages)      the language for navigator.languages
 *   .onChange(fn)
 * Static elements carry data-i18n="key" (their text) and
 * data-i18n-attr="attr:key attr:key" (attributes).
 */
var callchartI18n = (function () {
  'use strict';

  var catalogues = {
    en: {
      'page.title': 'callchart · earnings calls, charted',
      'page.description': 'Turn an earnings-call transcript into revenue, margin and guidance charts, privately, in your browser.',
      'top.tagline': 'Earnings-call transcript in, revenue, margin and guidance charts out. ',
      'top.private': 'Runs entirely in your browser: the transcript never leaves this page.',
      'lang.label': 'Language',
      'input.title': 'Transcript',
      'input.open': 'Open .txt…',
      'input.open_title': 'Open a transcript saved as plain text',
      'input.box': 'Transcript text',
      'input.placeholder': 'Paste an earnings-call transcript here, or drop a .txt file.',
      'input.clear': 'Clear',
      'input.chart': 'Chart it',
      'reader.title': 'Call transcript',
      'reader.hint': 'Every figure read is highlighted: choose one to find it in the charts.',
      'reader.region': 'Call transcript, figures highlighted',
      'reader.from_link': 'These charts came from a shared link, which carries the figures but not the transcript.',
      'reader.empty': 'The transcript appears here once it is charted.',
      'reader.qa': 'Questions and answers',
      'reader.prepared': 'Prepared remarks',
      'reader.analyst': 'Analyst',
      'call.unknown': 'Earnings call',
      'call.from_link': 'from a shared link',
      'ask.question': 'Which quarter is this call?',
      'ask.year': 'Fiscal year',
      'ask.quarter': 'Quarter',
      'ask.choose': 'Choose…',
      'ask.q1': 'Q1',
      'ask.q2': 'Q2',
      'ask.q3': 'Q3',
      'ask.q4': 'Q4',
      'ask.apply': 'Chart as this quarter',
      'ask.fix': 'Wrong quarter?',
      'ask.period': '{1} FY{0}',
      'ask.fy': 'FY{0}',
      'ask.unknown': 'The transcript never says which fiscal year this call is, so its figures cannot be dated.',
      'ask.unknown_guess': 'The transcript never says which fiscal year this call is, so its figures cannot be dated. Its words point to {0}.',
      'ask.given': 'Read as {0}, the quarter you chose.',
      'ask.fix_why': 'Read as {0} from the transcript\'s own words. If that is wrong, choose the right quarter.',
      'ask.incomplete': 'Choose the fiscal year and the quarter.',
      'link.error': 'This link could not be opened.',
      'link.dismiss': 'Dismiss',
      'link.not_drawn': 'The charts of this link could not be drawn.',
      'share.region': 'Share and export',
      'share.charts': 'Charts',
      'share.theme': 'Theme',
      'theme.auto': 'System',
      'theme.light': 'Light',
      'theme.dark': 'Dark',
      'share.copy_link': 'Copy link',
      'share.copy_embed': 'Copy embed code',
      'share.link': 'Link',
      'share.embed': 'Embed: one script tag, then an element per chart',
      'share.iframe': 'Or an iframe (sandboxed)',
      'share.copied': 'Link copied ({0} characters). It holds the figures, not the transcript.',
      'share.copy_selected': 'Copy the selected link ({0} characters).',
      'share.embed_copied': 'Embed code copied: paste it into your post.{0}',
      'share.embed_selected': 'Copy the selected embed code.{0}',
      'share.saved': 'Saved {0}',
      'share.png_failed': 'The PNG could not be made in this browser.',
      'share.export_failed': 'Export failed: {0}',
      'share.download_chart': 'Download the {0} chart as {1}{2}',
      'share.png_twice': ' (twice its size on screen)',
      'share.copy_image': 'Copy image',
      'share.copy_image_title': 'Copy image of the {0} chart (twice its size on screen, with its description and a link), for posts where scripts are not allowed',
      'share.copy_unsupported': 'This browser cannot put an image on the clipboard: use PNG to download it.',
      'share.copy_failed': 'Copy failed: {0}',
      'share.image_copied': 'Image copied ({0} px) with its description and a link to these charts: paste it into your post.',
      'share.image_not_copied': 'The image could not be copied: {0}. Use PNG to download it.',
      'share.serve_hint': ' Serve dist/ from a web server and open the page from there, so the addresses in the code work for your readers.',
      'chart.revenue_name': 'revenue',
      'chart.margins_name': 'margins',
      'chart.guidance_name': 'guidance',
      'share.csv_title': 'Download the facts as CSV, one row per fact',
      'share.json_title': 'Download the facts as JSON (callchart/facts@1)',
      'share.link_title': 'Copy a link that shows these charts: the figures travel in the link, not the transcript',
      'share.embed_title': 'Copy HTML that shows these charts in a blog post',
      'chart.revenue': 'Revenue',
      'chart.margins': 'Margins',
      'chart.guidance': 'Guidance',
      'chart.revenue_aria': 'Revenue chart',
      'chart.margins_aria': 'Margins chart',
      'chart.guidance_aria': 'Guidance chart',
      'other.title': 'Other figures',
      'other.caption': 'Figures the call states that the charts do not show',
      'notes.title': 'Checks and remarks',
      'drop.hint': 'Drop the transcript (.txt) to chart it',
      'foot.caveat': 'Figures are extracted automatically from what was said on the call; check them against the company\u2019s filings before relying on them.',
      'help.summary': 'How to use',
      'help.body': 'Paste a transcript, open a .txt file or drop one on the page: the charts follow at once, and nothing leaves your browser. Hover or tap a bar, point or range for its figure and the sentence it was said in; click it to find the sentence in the transcript. Copy link shares the figures (not the transcript); Copy embed code puts the charts in a blog post.',
      'status.loading': 'Loading the chart engine…',
      'status.empty': 'Paste a transcript, drop a .txt file, or open one to chart it.',
      'status.internal': 'Internal error, please report (details are in the browser console).',
      'status.cannot_read_text': 'Could not read this transcript: {0}',
      'status.cannot_read': 'Could not read {0}: {1}',
      'status.cannot_read_bg': 'Could not read {0} in the background: {1}',
      'status.refused': '{0}: {1}.',
      'status.nofacts': 'No figures found in {0}{1}. Is it an earnings-call transcript with revenue or margin figures?',
      'status.undated': 'No figures could be dated in {0}{1}: choose below which quarter this call is.',
      'status.not_drawn': 'The {0} chart could not be drawn: {1}',
      'status.not_explained': 'The charts are drawn but could not be explained: {0}',
      'status.too_big': '{0} is {1}: the page reads transcripts up to {2}.',
      'status.reading': 'Reading {0} ({1})…',
      'status.file_too_big': '{0} is {1}: the page reads transcripts up to {2} (a long call is well under 1 MB). Use the command line (callchart extract) for larger files.',
      'status.engine_failed': 'The chart engine did not start in this browser: {0}',
      'status.preview': 'Showing the beginning of \u201c{0}\u201d ({1}); the charts are from the whole file. Open or drop another file, or clear the box to paste.',
      'what.this_text': 'this text',
      'what.pasted': 'the pasted text',
      'what.file': '\u201c{0}\u201d',
      'count.fact': '{0} fact',
      'count.facts': '{0} facts',
      'count.turn': '{0} turn',
      'count.turns': '{0} turns',
      'count.speaker': '{0} speaker',
      'count.speakers': '{0} speakers',
      'tip.none': 'No details for this figure',
      'tip.computed': 'Computed: ',
      'tip.line_view': 'Line {0} · click or press Enter to show it in the transcript',
      'tip.line': 'Line {0} of the original transcript',
      'data.show': 'Show data',
      'data.hide': 'Hide data',
      'data.source': 'Show {0} in the transcript',
      'data.region': '{0} data',
      'data.caption': '{0}: the figures in this chart',
      'flag.sr': ' (conflict or failed check)',
      'chart.elements': '{0} chart elements: arrow keys move between them, Enter shows the sentence',
      'count.figure': '{0} figure',
      'count.figures': '{0} figures',
      'input.add': 'Add a call…',
      'input.add_title': 'Add transcripts of more calls (several at once) to the ones shown',
      'series.title': 'Calls in this series',
      'series.csv_title': 'The series\' figures as CSV, a call column first',
      'series.json_title': 'Every call merged: callchart/series@1 JSON, each figure\'s call',
      'series.company': 'Company',
      'series.show': 'Show',
      'series.remove': 'Remove',
      'series.remove_aria': 'Remove {0} from the series',
      'series.shown': 'shown below',
      'series.hint': 'Several calls of one company: the quarters side by side, and each guide beside what was delivered. Choose a figure to see the call it came from.',
      'series.revenue': 'Revenue by quarter across the calls',
      'series.margins': 'Margins over the quarters',
      'series.eps': 'EPS by quarter',
      'series.versus': 'Guidance vs actual',
      'status.reading_n': 'Reading {0} of {1}: {2}',
      'status.series': '{0} · {1}',
      'status.not_added': '{0} not added: {1}',
      'count.call': '{0} call',
      'count.calls': '{0} calls',
      'count.company': '{0} company',
      'count.companies': '{0} companies'
    },
    'zh-TW': {
      'page.title': 'callchart · 法說會圖表',
      'page.description': '把法說會逐字稿變成營收、利潤率與財測圖表，全程在你的瀏覽器中進行。',
      'top.tagline': '貼上法說會逐字稿，即得營收、利潤率與財測圖表。',
      'top.private': '全程在你的瀏覽器中執行：逐字稿不會離開這個頁面。',
      'lang.label': '語言',
      'input.title': '逐字稿',
      'input.open': '開啟 .txt…',
      'input.open_title': '開啟存成純文字的逐字稿',
      'input.box': '逐字稿文字',
      'input.placeholder': '在此貼上法說會逐字稿，或拖放 .txt 檔。',
      'input.clear': '清除',
      'input.chart': '產生圖表',
      'reader.title': '法說會逐字稿',
      'reader.hint': '讀到的每個數字都已標示：點選即可在圖表中找到它。',
      'reader.region': '法說會逐字稿，已標示數字',
      'reader.from_link': '這些圖表來自分享連結，連結只帶數字，不帶逐字稿。',
      'reader.empty': '產生圖表後，逐字稿會顯示在這裡。',
      'reader.qa': '問答',
      'reader.prepared': '開場報告',
      'reader.analyst': '分析師',
      'call.unknown': '法說會',
      'call.from_link': '來自分享連結',
      'ask.question': '這是哪一季的法說會？',
      'ask.year': '財年',
      'ask.quarter': '季度',
      'ask.choose': '請選擇…',
      'ask.q1': '第一季',
      'ask.q2': '第二季',
      'ask.q3': '第三季',
      'ask.q4': '第四季',
      'ask.apply': '以這一季產生圖表',
      'ask.fix': '季度不對？',
      'ask.period': '{0} 財年{1}',
      'ask.fy': '{0} 財年',
      'ask.unknown': '逐字稿沒有說這場法說會是哪個財年，所以數字無法對應到期間。',
      'ask.unknown_guess': '逐字稿沒有說這場法說會是哪個財年，所以數字無法對應到期間。內容指向{0}。',
      'ask.given': '依你選擇的{0}解讀。',
      'ask.fix_why': '依逐字稿內容解讀為{0}。如果不對，請選擇正確的季度。',
      'ask.incomplete': '請選擇財年與季度。',
      'link.error': '無法開啟這個連結。',
      'link.dismiss': '關閉',
      'link.not_drawn': '無法繪製這個連結的圖表。',
      'share.region': '分享與匯出',
      'share.charts': '圖表',
      'share.theme': '主題',
      'theme.auto': '跟隨系統',
      'theme.light': '淺色',
      'theme.dark': '深色',
      'share.copy_link': '複製連結',
      'share.copy_embed': '複製嵌入碼',
      'share.link': '連結',
      'share.embed': '嵌入：一個 script 標籤，再每張圖表一個元素',
      'share.iframe': '或使用 iframe（沙箱）',
      'share.copied': '已複製連結（{0} 個字元）。連結帶的是數字，不是逐字稿。',
      'share.copy_selected': '請複製已選取的連結（{0} 個字元）。',
      'share.embed_copied': '已複製嵌入碼：貼到你的文章中即可。{0}',
      'share.embed_selected': '請複製已選取的嵌入碼。{0}',
      'share.saved': '已儲存 {0}',
      'share.png_failed': '這個瀏覽器無法產生 PNG。',
      'share.export_failed': '匯出失敗：{0}',
      'share.download_chart': '下載{0}圖表 {1} 檔{2}',
      'share.png_twice': '（畫面大小的兩倍）',
      'share.copy_image': '複製圖片',
      'share.copy_image_title': '複製圖片：{0}圖表（畫面大小的兩倍，附說明與連結），適用於不允許指令碼的文章',
      'share.copy_unsupported': '這個瀏覽器無法把圖片放上剪貼簿：請用 PNG 下載。',
      'share.copy_failed': '複製失敗：{0}',
      'share.image_copied': '已複製圖片（{0} 像素），附說明與這些圖表的連結：貼到你的文章即可。',
      'share.image_not_copied': '無法複製圖片：{0}。請用 PNG 下載。',
      'share.serve_hint': '請把 dist/ 放到網頁伺服器上，並從那裡開啟本頁，程式碼中的網址才能讓讀者使用。',
      'chart.revenue_name': '營收',
      'chart.margins_name': '利潤率',
      'chart.guidance_name': '財測',
      'share.csv_title': '下載數字（CSV，每個數字一列）',
      'share.json_title': '下載數字（JSON，callchart/facts@1）',
      'share.link_title': '複製可顯示這些圖表的連結：連結帶的是數字，不是逐字稿',
      'share.embed_title': '複製可在部落格文章中顯示這些圖表的 HTML',
      'chart.revenue': '營收',
      'chart.margins': '利潤率',
      'chart.guidance': '財測',
      'chart.revenue_aria': '營收圖表',
      'chart.margins_aria': '利潤率圖表',
      'chart.guidance_aria': '財測圖表',
      'other.title': '其他數字',
      'other.caption': '法說會提到、但圖表未顯示的數字',
      'notes.title': '檢查與附註',
      'drop.hint': '放開即可為逐字稿（.txt）產生圖表',
      'foot.caveat': '數字由程式從法說會內容自動擷取；採用前請與公司的財報核對。',
      'help.summary': '使用說明',
      'help.body': '貼上逐字稿、開啟 .txt 檔或拖放到頁面上，圖表立即產生，資料不會離開你的瀏覽器。將游標移到（或點一下）長條、資料點或區間，即可看到數字與出處句子；再點一下即可在逐字稿中找到該句。「複製連結」分享的是數字（不含逐字稿）；「複製嵌入碼」可把圖表放進部落格文章。',
      'status.loading': '正在載入圖表引擎…',
      'status.empty': '貼上逐字稿、拖放 .txt 檔，或開啟檔案以產生圖表。',
      'status.internal': '內部錯誤，請回報（詳情見瀏覽器主控台）。',
      'status.cannot_read_text': '無法讀取這份逐字稿：{0}',
      'status.cannot_read': '無法讀取{0}：{1}',
      'status.cannot_read_bg': '無法在背景讀取{0}：{1}',
      'status.refused': '{0}：{1}。',
      'status.nofacts': '{0}{1}中找不到數字。這是含營收或利潤率數字的法說會逐字稿嗎？',
      'status.undated': '{0}{1}的數字無法對應到期間：請在下方選擇這是哪一季的法說會。',
      'status.not_drawn': '無法繪製{0}圖表：{1}',
      'status.not_explained': '圖表已繪製，但無法說明：{0}',
      'status.too_big': '{0}大小為 {1}：本頁最多讀取 {2} 的逐字稿。',
      'status.reading': '正在讀取{0}（{1}）…',
      'status.file_too_big': '{0}大小為 {1}：本頁最多讀取 {2} 的逐字稿（一場很長的法說會也遠小於 1 MB）。更大的檔案請用命令列（callchart extract）。',
      'status.engine_failed': '圖表引擎無法在這個瀏覽器中啟動：{0}',
      'status.preview': '目前顯示「{0}」（{1}）的開頭；圖表依據整份檔案。可開啟或拖放其他檔案，或清除文字框後貼上。',
      'what.this_text': '這段文字',
      'what.pasted': '貼上的文字',
      'what.file': '「{0}」',
      'count.fact': '{0} 個數字',
      'count.facts': '{0} 個數字',
      'count.turn': '{0} 段發言',
      'count.turns': '{0} 段發言',
      'count.speaker': '{0} 位發言者',
      'count.speakers': '{0} 位發言者',
      'tip.none': '這個數字沒有詳細資料',
      'tip.computed': '計算方式：',
      'tip.line_view': '第 {0} 行 · 點一下或按 Enter 在逐字稿中顯示',
      'tip.line': '原始逐字稿第 {0} 行',
      'data.show': '顯示資料',
      'data.hide': '隱藏資料',
      'data.source': '在逐字稿中顯示{0}',
      'data.region': '{0}資料',
      'data.caption': '{0}：這張圖表的數字',
      'flag.sr': '（數字矛盾或檢查未通過）',
      'chart.elements': '{0}圖表的元素：用方向鍵移動，按 Enter 顯示出處句子',
      'count.figure': '{0} 個數字',
      'count.figures': '{0} 個數字',
      'input.add': '加入法說會…',
      'input.add_title': '把更多場法說會的逐字稿（可一次多個）加入目前顯示的內容',
      'series.title': '這個系列的法說會',
      'series.csv_title': '這個系列的數字（CSV），第一欄為法說會',
      'series.json_title': '所有法說會合併：callchart/series@1 JSON，每個數字註明出自哪場法說會',
      'series.company': '公司',
      'series.show': '顯示',
      'series.remove': '移除',
      'series.remove_aria': '從系列移除 {0}',
      'series.shown': '顯示於下方',
      'series.hint': '同一家公司的多場法說會：各季並列，每項財測旁是實際交出的成績。選一個數字即可看到它出自哪一場法說會。',
      'series.revenue': '各季營收（跨法說會）',
      'series.margins': '各季利潤率',
      'series.eps': '各季每股盈餘',
      'series.versus': '財測與實際',
      'status.reading_n': '正在讀取第 {0} 個，共 {1} 個：{2}',
      'status.series': '{0} · {1}',
      'status.not_added': '{0} 未加入：{1}',
      'count.call': '{0} 場法說會',
      'count.calls': '{0} 場法說會',
      'count.company': '{0} 家公司',
      'count.companies': '{0} 家公司'
    }
  };

  var LANGS = ['en', 'zh-TW'];
  var listeners = [];

  // zh-TW, zh-Hant(-*), zh-HK and zh-MO read Traditional Chinese; the first
  // language the reader lists that we have wins; English otherwise.
  function match(tag) {
    var t = String(tag || '').toLowerCase().replace(/_/g, '-');
    var parts = t.split('-');
    if (parts[0] === 'en') return 'en';
    if (parts[0] === 'zh' && parts.slice(1).some(function (p) { return p === 'tw' || p === 'hant' || p === 'hk' || p === 'mo'; })) return 'zh-TW';
    return null;
  }

  function pick(languages) {
    var list = languages || [];
    for (var i = 0; i < list.length; i++) {
      var m = match(list[i]);
      if (m) return m;
    }
    return 'en';
  }

  var api = {
    langs: LANGS,
    catalogues: catalogues,
    lang: 'en',
    match: match,
    pick: pick,
    t: function (key) {
      var text = catalogues[api.lang][key];
      if (text == null) text = catalogues.en[key];
      if (text == null) return key;
      var args = arguments;
      return text.replace(/\{(\d)\}/g, function (_, d) {
        var v = args[Number(d) + 1];
        return v == null ? '' : String(v);
      });
    },
    // "3 facts" / "1 fact" in English, one form in Chinese.
    count: function (n, one, many) {
      return api.t(n === 1 ? one : many, n);
    },
    apply: function (root) {
      root = root || document;
      Array.prototype.forEach.call(root.querySelectorAll('[data-i18n]'), function (el) {
        el.textContent = api.t(el.getAttribute('data-i18n'));
      });
      Array.prototype.forEach.call(root.querySelectorAll('[data-i18n-attr]'), function (el) {
        el.getAttribute('data-i18n-attr').split(/\s+/).forEach(function (pair) {
          var i = pair.indexOf(':');
          if (i > 0) el.setAttribute(pair.slice(0, i), api.t(pair.slice(i + 1)));
        });
      });
      if (root === document) {
        document.documentElement.lang = api.lang;
        document.title = api.t('page.title');
        var sel = document.getElementById('lang');
        if (sel) sel.value = api.lang;
      }
    },
    set: function (lang, why) {
      if (LANGS.indexOf(lang) === -1) lang = 'en';
      var changed = lang !== api.lang;
      api.lang = lang;
      if (typeof document !== 'undefined') api.apply(document);
      if (why === 'choice') {
        try { localStorage.setItem('callchart-lang', lang); } catch (e) { /* storage off: the choice lasts this visit */ }
      }
      if (changed) listeners.forEach(function (fn) { fn(lang); });
    },
    onChange: function (fn) { listeners.push(fn); }
  };

  // The reader's choice from an earlier visit, else the browser's languages.
  var stored = null;
  try { stored = localStorage.getItem('callchart-lang'); } catch (e) { /* no storage */ }
  api.lang = LANGS.indexOf(stored) !== -1 ? stored
    : pick(typeof navigator !== 'undefined' ? (navigator.languages || [navigator.language]) : []);
  return api;
})();
