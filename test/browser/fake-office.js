// Served in place of Microsoft's office.js in the Office-mode browser test: a tiny in-page Excel
// (the subset OfficeWorkbook uses) over window.__FAKE_SHEETS__, recording syncs, selections,
// conditional formats and hidden columns, and raising worksheet change events like Excel does.
(function () {
  var MAX_COLUMN = 16384;
  var sheets = (window.__FAKE_SHEETS__ || []).map(function (s, i) {
    return { name: s.name, id: '{fake-' + i + '}', cells: s.cells };
  });
  var state = { syncs: 0, selections: [], formats: [], hidden: [], handlers: [], pending: [] };

  function columnIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return n;
  }
  function letter(n) {
    var s = '';
    while (n > 0) {
      var r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function parse(address) {
    var parts = address.split(':');
    function cell(text) {
      var m = /^([A-Za-z]*)(\d*)$/.exec(text);
      return { c: m[1] ? columnIndex(m[1]) : null, r: m[2] ? Number(m[2]) : null };
    }
    var a = cell(parts[0]);
    var b = cell(parts[1] || parts[0]);
    return { r1: a.r || 1, c1: a.c || 1, r2: b.r || 1048576, c2: b.c || MAX_COLUMN };
  }
  function width(sheet) {
    return sheet.cells.reduce(function (w, r) { return Math.max(w, r ? r.length : 0); }, 0);
  }
  function get(sheet, r, c) {
    var row = sheet.cells[r - 1];
    var v = row ? row[c - 1] : undefined;
    return v === undefined || v === null ? '' : v;
  }
  function set(sheet, r, c, v) {
    while (sheet.cells.length < r) sheet.cells.push([]);
    var row = sheet.cells[r - 1];
    while (row.length < c) row.push('');
    row[c - 1] = v;
  }
  function emit(sheet, address, triggerSource) {
    state.handlers.forEach(function (h) {
      h({ worksheetId: sheet.id, address: address, changeType: 'RangeEdited', triggerSource: triggerSource, type: 'WorksheetChanged' });
    });
  }
  function used(sheet, r1, r2) {
    var top = 0, bottom = 0, left = 0, right = 0;
    for (var r = r1; r <= Math.min(r2, sheet.cells.length); r++) {
      var row = sheet.cells[r - 1] || [];
      for (var c = 1; c <= row.length; c++) {
        if (row[c - 1] === '' || row[c - 1] === null || row[c - 1] === undefined) continue;
        top = top ? Math.min(top, r) : r;
        bottom = Math.max(bottom, r);
        left = left ? Math.min(left, c) : c;
        right = Math.max(right, c);
      }
    }
    if (!top) return { isNullObject: true, load: function () { return this; } };
    return range(sheet, top, left, bottom, right);
  }
  function noAreas() {
    return { isNullObject: true, load: function () { return this; }, areas: { load: function () { return this; }, items: [] } };
  }
  function range(sheet, r1, c1, r2, c2) {
    var c2v = Math.min(c2, Math.max(width(sheet), c1));
    var address = letter(c1) + r1 + ':' + letter(c2) + r2;
    return {
      isNullObject: false,
      rowIndex: r1 - 1,
      columnIndex: c1 - 1,
      rowCount: r2 - r1 + 1,
      columnCount: c2 - c1 + 1,
      load: function () { return this; },
      get values() {
        var out = [];
        for (var r = r1; r <= Math.min(r2, Math.max(sheet.cells.length, r1)); r++) {
          var row = [];
          for (var c = c1; c <= c2v; c++) row.push(get(sheet, r, c));
          out.push(row);
        }
        return out;
      },
      set values(v) {
        state.pending.push(function () {
          v.forEach(function (row, i) { row.forEach(function (x, j) { set(sheet, r1 + i, c1 + j, x); }); });
          setTimeout(function () { emit(sheet, address, 'ThisLocalAddin'); }, 0);
        });
      },
      set columnHidden(v) { if (v) state.hidden.push(sheet.name + '!' + letter(c1)); },
      getUsedRangeOrNullObject: function () { return used(sheet, r1, r2); },
      getResizedRange: function (dr, dc) { return range(sheet, r1, c1, r2 + dr, c2 + dc); },
      // The fake's sheets hold values only: no formula cell, no merge.
      get formulas() { return this.values; },
      getSpecialCellsOrNullObject: function () { return noAreas(); },
      getMergedAreasOrNullObject: function () { return noAreas(); },
      select: function () { state.selections.push(sheet.name + '!' + (r1 === r2 && c1 === c2 ? letter(c1) + r1 : address)); },
      conditionalFormats: {
        load: function () { return this; },
        get items() {
          return state.formats.filter(function (f) { return f.sheet === sheet.name && f.c1 <= c2 && f.c2 >= c1; }).map(function (f) {
            return {
              id: f.id,
              type: f.type,
              textComparisonOrNullObject: { isNullObject: false, rule: f.textComparison.rule, format: f.textComparison.format },
              delete: function () { state.pending.push(function () { state.formats = state.formats.filter(function (x) { return x !== f; }); }); },
            };
          });
        },
        getItem: function (id) {
          return { delete: function () { state.pending.push(function () { state.formats = state.formats.filter(function (x) { return x.id !== id; }); }); } };
        },
        add: function (type) {
          var format = { id: 'fmt-' + (state.formats.length + 1), type: type, sheet: sheet.name, address: address, c1: c1, c2: c2, load: function () { return this; }, textComparison: { format: { fill: {}, font: {} }, rule: null } };
          state.pending.push(function () { state.formats.push(format); });
          return format;
        },
      },
      dataValidation: { clear: function () {}, rule: null },
    };
  }
  function worksheet(sheet) {
    return {
      get name() { return sheet.name; },
      id: sheet.id,
      isNullObject: false,
      load: function () { return this; },
      activate: function () {},
      getRange: function (address) { var p = parse(address || 'A1:XFD1048576'); return range(sheet, p.r1, p.c1, p.r2, p.c2); },
      getUsedRangeOrNullObject: function () { return used(sheet, 1, sheet.cells.length); },
    };
  }
  function byName(name) {
    var s = sheets.find(function (x) { return x.name.toLowerCase() === String(name).toLowerCase(); });
    if (!s) throw new Error('ItemNotFound: ' + name);
    return s;
  }
  var context = {
    runtime: { enableEvents: true },
    workbook: {
      worksheets: {
        get items() { return sheets.map(worksheet); },
        load: function () { return this; },
        getActiveWorksheet: function () { return worksheet(sheets[0]); },
        // Excel takes a name (any case) or an id.
        getItem: function (key) { return worksheet(sheets.find(function (x) { return x.id === key; }) || byName(key)); },
        getItemOrNullObject: function (id) { return worksheet(sheets.find(function (x) { return x.id === id; }) || sheets[0]); },
        add: function (name) { var s = { name: name, id: '{fake-' + sheets.length + '}', cells: [] }; sheets.push(s); return worksheet(s); },
        onChanged: {
          add: function (handler) {
            state.handlers.push(handler);
            return { context: context, remove: function () {} };
          },
        },
      },
    },
    sync: function () {
      state.syncs += 1;
      var pending = state.pending.splice(0);
      pending.forEach(function (apply) { apply(); });
      return Promise.resolve();
    },
  };
  window.Excel = {
    run: function () {
      var fn = arguments[arguments.length - 1];
      return Promise.resolve().then(function () { return fn(context); });
    },
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { requirements: { isSetSupported: function () { return true; } } },
    actions: { associate: function () {} },
    onReady: function (callback) {
      var info = { host: 'Excel', platform: 'OfficeOnline' };
      setTimeout(function () { if (callback) callback(info); }, 0);
      return Promise.resolve(info);
    },
  };
  window.__fakeExcel = {
    state: state,
    cell: function (name, address) { var p = parse(address); return get(byName(name), p.r1, p.c1); },
    userEdit: function (name, address, value) {
      var s = byName(name);
      var p = parse(address);
      set(s, p.r1, p.c1, value);
      emit(s, address, 'Unknown');
    },
  };
})();
