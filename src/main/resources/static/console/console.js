// The rules console: a thin page over the admin API. Credentials stay in this page's memory only
// (never in storage); every call sends them as HTTP Basic, as any other client of the API would.
'use strict';

const state = { authorization: null, user: null, jurisdiction: null, mayActivate: false };

const $ = (id) => document.getElementById(id);

function show(element, visible) {
  element.hidden = !visible;
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content == null ? '' : String(content);
  if (className) element.className = className;
  return element;
}

function row(cells) {
  const tr = document.createElement('tr');
  cells.forEach((cell) => tr.appendChild(cell instanceof Node ? wrap(cell) : text('td', cell)));
  return tr;
}

function wrap(node) {
  const td = document.createElement('td');
  td.appendChild(node);
  return td;
}

/** Calls the API; a problem response becomes an Error carrying its detail and the field it names. */
async function api(path, options = {}) {
  const headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
    options.headers || {});
  if (state.authorization) headers.Authorization = state.authorization;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok && response.status !== 422) {
    const problem = body || {};
    const error = new Error(problemText(problem, response.status));
    error.status = response.status;
    throw error;
  }
  return { status: response.status, body };
}

function problemText(problem, status) {
  const fields = (problem.errors || []).map((e) => e.field + '：' + e.message);
  return [problem.detail || problem.title || ('HTTP ' + status)].concat(fields).join('；');
}

async function login(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  state.authorization = 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + $('login-password').value)));
  show($('login-error'), false);
  try {
    // A call that needs a login proves the credentials before the workspace opens; it says what she may do.
    const { body: session } = await api('/api/v1/admin/session');
    state.mayActivate = session.mayActivate;
    show($('editor-note'), !session.mayActivate);
    await loadJurisdictions();
    await loadVersions();
    await loadTables();
    await loadSubmissions();
    await loadInventory();
    await loadCalendar();
    await showCalendarWarning();
    state.user = user;
    $('session-user').textContent = user;
    $('login-password').value = '';
    show($('login-panel'), false);
    show($('workspace'), true);
    show($('session'), true);
  } catch (error) {
    state.authorization = null;
    $('login-error').textContent = error.status === 401 ? '用户名或密码不对' : error.message;
    show($('login-error'), true);
  }
}

function logout() {
  state.authorization = null;
  state.user = null;
  show($('workspace'), false);
  show($('session'), false);
  show($('login-panel'), true);
}

async function loadJurisdictions() {
  const { body } = await api('/api/v1/jurisdictions');
  const select = $('jurisdiction');
  const previous = state.jurisdiction;
  select.replaceChildren();
  body.jurisdictions.forEach((j) => {
    const option = text('option', j.name + '（' + j.code + '）' + (j.served ? '' : ' · 已拒用'));
    option.value = j.code;
    option.dataset.served = j.served;
    option.dataset.version = j.rulesetVersion || '';
    select.appendChild(option);
  });
  select.value = previous && body.jurisdictions.some((j) => j.code === previous) ? previous : body.jurisdictions[0].code;
  state.jurisdiction = select.value;
  describeJurisdiction();
}

function describeJurisdiction() {
  const option = $('jurisdiction').selectedOptions[0];
  $('jurisdiction-state').textContent = option.dataset.served === 'true'
    ? '正在提供判定，规则集 ' + option.dataset.version : '未提供判定（校验未通过）';
}

async function loadVersions() {
  const { body } = await api('/api/v1/admin/rulesets/' + encodeURIComponent(state.jurisdiction) + '/versions');
  const rows = $('versions').tBodies[0];
  rows.replaceChildren();
  body.versions.slice().reverse().forEach((v) => {
    let action = text('span', v.active ? '当前启用' : '', 'active-mark');
    if (!v.active && state.mayActivate) {
      action = text('button', '回退到此版本');
      action.type = 'button';
      action.dataset.version = v.number;
      action.className = 'rollback';
      action.addEventListener('click', () => rollback(v.number));
    }
    const tr = row([String(v.number), new Date(v.activatedAt).toLocaleString('zh-CN'), v.activatedBy,
      v.comment || '', servedId(v), action]);
    tr.dataset.version = v.number;
    if (v.active) tr.className = 'active';
    rows.appendChild(tr);
  });
  $('activations').replaceChildren(...body.activations.map((a) =>
    text('li', auditLine(a))),
    // Records the store could not read and skipped (a torn audit line): shown, not hidden.
    ...(body.storeProblems || []).map((p) => text('li', '无法读取的记录 ' + p.where + '：' + p.problem, 'store-problem')));
}

const CAPABILITIES = {
  eligibility: '改造范围', catalogue: '改造内容', consent: '居民表决', funding: '资金到位',
  approval: '项目审批', procedure: '建设程序', survey: '满意度调查',
};

async function loadTables() {
  const { body } = await api('/api/v1/admin/rulesets/' + encodeURIComponent(state.jurisdiction) + '/tables');
  $('tables').tBodies[0].replaceChildren(...body.tables.map((t) => {
    const button = text('button', '下载');
    button.type = 'button';
    button.className = 'download-table';
    button.dataset.file = t.fileName;
    button.addEventListener('click', () => downloadTable(t));
    return row([CAPABILITIES[t.capability] || t.capability, t.title, text('code', t.fileName),
      t.fromBase ? '温州市' : (state.jurisdiction === 'wenzhou' ? '温州市' : '本辖区'), button]);
  }));
}

/** Fetched with this page's credentials, saved under the table's own name so that its upload replaces it. */
async function downloadTable(table, version) {
  show($('tables-error'), false);
  await download('/api/v1/admin/rulesets/' + encodeURIComponent(state.jurisdiction) + '/tables/'
    + encodeURIComponent(table.capability) + '/' + encodeURIComponent(table.fileName)
    + (version ? '?version=' + version : ''), table.fileName, $('tables-error'));
}

/** A document of the admin API saved as a file; a refusal is shown in the given element. */
async function download(path, fileName, errorElement) {
  try {
    const headers = { Authorization: state.authorization, 'X-Requested-With': 'XMLHttpRequest' };
    const response = await fetch(path, { headers });
    if (!response.ok) {
      throw new Error(problemText(await response.json().catch(() => ({})), response.status));
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    errorElement.textContent = '下载失败：' + error.message;
    show(errorElement, true);
  }
}

/**
 * The id answers and receipts carry (rulesetVersion) when the version served; for a county its files over
 * Wenzhou's, so its own files' hash is shown only beside it, as the secondary id it is.
 */
function servedId(v) {
  const cell = document.createElement('span');
  cell.appendChild(text('code', v.rulesetVersion || '—', 'ruleset-version'));
  if (v.rulesetVersion !== v.contentHash) {
    cell.appendChild(text('small', ' 本辖区文件 ' + v.contentHash, 'content-hash'));
  }
  return cell;
}

const ACTIVATION_KINDS = { DEPLOYMENT: '部署', ACTIVATION: '启用', ROLLBACK: '回退', RECOVERY: '启动时恢复' };

function auditLine(a) {
  const when = new Date(a.at).toLocaleString('zh-CN') + ' ' + a.by + ' ';
  const served = a.rulesetVersion ? '，此后判定所载规则集 ' + a.rulesetVersion : '';
  if (a.kind === 'BASE_CHANGE') {
    return when + '启用温州市版本 ' + a.baseVersion + '：本辖区随之按新的温州市规则判定（本辖区版本 ' + a.version + ' 不变）' + served;
  }
  return when + (ACTIVATION_KINDS[a.kind] || a.kind) + ' 版本 ' + a.version + served;
}

function uploadForm(withComment) {
  const form = new FormData();
  Array.from($('upload-files').files).forEach((file) => form.append('files', file, file.name));
  if (withComment) {
    form.append('comment', $('activate-comment').value);
    form.append('acceptScenarioChanges', String($('accept-scenario-changes').checked));
  }
  return form;
}

async function validate(event) {
  event.preventDefault();
  await submitUpload('validate', uploadForm(false));
}

async function activate(event) {
  event.preventDefault();
  if (!$('accept-scenario-changes-label').hidden && !$('accept-scenario-changes').checked) {
    $('activate-error').textContent = '这次修改改变了上面列出的测试场景结果：请先勾选确认这些变化是本意，再按「启用」';
    show($('activate-error'), true);
    return;
  }
  await submitUpload('activate', uploadForm(true));
  await refresh();
}

/**
 * Each uploaded table that has findings, shown as its sheet with the cells at fault highlighted (their message as
 * the cell's title), so the officer sees where in her table each finding is.
 */
async function showFindingsInTables(findings) {
  const container = $('report-preview');
  container.replaceChildren();
  const files = Array.from($('upload-files').files).filter((f) => f.name.toLowerCase().endsWith('.xlsx'));
  for (const file of files) {
    const atCells = findings.filter((f) => f.cell && f.file.endsWith('/' + file.name));
    if (atCells.length === 0) continue;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const { body } = await api('/api/v1/admin/rulesets/' + encodeURIComponent(state.jurisdiction) + '/tables/preview',
        { method: 'POST', body: form });
      body.sheets.forEach((sheet) => {
        const here = atCells.filter((f) => !f.sheet || f.sheet === sheet.sheet);
        if (here.length > 0) container.appendChild(sheetTable(file.name, sheet, here));
      });
    } catch (ignored) {
      // The findings above still name each cell; the picture is a help.
    }
  }
}

function sheetTable(fileName, sheet, findings) {
  const box = document.createElement('div');
  box.className = 'table-preview';
  box.appendChild(text('h4', fileName + ' 工作表「' + sheet.sheet + '」（标红的单元格有问题，鼠标停在上面可看说明）'));
  const columns = Math.max(...sheet.rows.flatMap((r) => r.cells.map((c) => c.column)), 1);
  const table = document.createElement('table');
  const head = document.createElement('tr');
  head.appendChild(text('th', ''));
  for (let c = 1; c <= columns; c++) head.appendChild(text('th', columnLetter(c)));
  table.appendChild(head);
  const messages = {};
  findings.forEach((f) => { messages[f.cell] = (messages[f.cell] ? messages[f.cell] + '\n' : '') + f.message; });
  sheet.rows.forEach((r) => {
    const tr = document.createElement('tr');
    tr.appendChild(text('th', String(r.row)));
    const byColumn = {};
    r.cells.forEach((c) => { byColumn[c.column] = c; });
    for (let c = 1; c <= columns; c++) {
      const reference = columnLetter(c) + r.row;
      const cell = byColumn[c];
      const td = text('td', cell ? cell.text : '');
      td.dataset.cell = reference;
      if (messages[reference]) {
        td.className = 'finding-cell';
        td.title = messages[reference];
      }
      tr.appendChild(td);
    }
    table.appendChild(tr);
  });
  box.appendChild(table);
  return box;
}

function columnLetter(column) {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

async function submitUpload(action, form) {
  show($('upload-error'), false);
  $('report-verdict').textContent = action === 'validate' ? '正在校验…' : '正在启用…';
  show($('report'), true);
  try {
    const { body } = await api('/api/v1/admin/rulesets/' + encodeURIComponent(state.jurisdiction) + '/' + action,
      { method: 'POST', body: form });
    renderReport(body, action === 'validate');
    await showFindingsInTables(body.findings || []);
  } catch (error) {
    show($('report'), false);
    $('upload-error').textContent = error.message;
    show($('upload-error'), true);
  }
}

function renderReport(report, fromUpload) {
  const verdict = report.activated ? '已启用版本 ' + report.version.number
    : report.unchanged ? '与现行规则相同（表格原样另存，没有修改），不会产生新版本'
    : !report.valid ? '校验未通过，不能启用'
      : report.scenarioChanges.length > 0 ? '校验通过；改变了 ' + report.scenarioChanges.length + ' 个测试场景结果，确认后可以启用'
        : '校验通过，可以启用';
  $('report-verdict').textContent = verdict;
  $('report-verdict').className = report.valid ? 'ok' : 'error';
  const findings = report.findings.concat(...report.countiesItWouldBreak.map((c) =>
    c.findings.map((f) => Object.assign({}, f, { message: '【' + c.jurisdiction + '】' + f.message }))));
  const rows = $('findings').tBodies[0];
  rows.replaceChildren(...findings.map((f) => {
    const tr = row([f.file, f.sheet || '', f.cell || (f.line ? '第 ' + f.line + ' 行' : ''), findingMessage(f)]);
    tr.className = 'finding';
    if (f.cell) tr.dataset.cell = f.cell;
    return tr;
  }));
  show($('findings'), findings.length > 0);
  const scenarioRows = $('scenario-changes').tBodies[0];
  scenarioRows.replaceChildren(...report.scenarioChanges.map((f) => {
    const tr = row([f.file, f.message]);
    tr.className = 'scenario-change';
    return tr;
  }));
  show($('scenario-changes-panel'), report.scenarioChanges.length > 0);
  show($('accept-scenario-changes-label'), report.scenarioChanges.length > 0 && !report.activated);
  $('accept-scenario-changes').checked = false;
  const summary = (report.changes && report.changes.summary) || [];
  $('changes').replaceChildren(...(summary.length ? summary : ['无变化']).map((line) => text('li', line)));
  $('report-impact').replaceChildren(...impactElements(report.impact));
  // Only a publisher activates directly; anyone may hand a valid change to a publisher for review.
  const aChange = report.valid && !report.activated && !report.unchanged;
  show($('activate-form'), aChange && state.mayActivate);
  show($('submit-form'), aChange && fromUpload === true);
  show($('submit-result'), false);
  show($('activate-error'), false);
}

/** A finding's message; the engine's own text, where there is one, folded under 技术细节 for publishers. */
function findingMessage(finding) {
  const box = document.createElement('span');
  box.appendChild(text('span', finding.message));
  if (finding.technicalDetail && state.mayActivate) {
    const details = document.createElement('details');
    details.className = 'technical-detail';
    details.appendChild(text('summary', '技术细节'));
    details.appendChild(text('pre', finding.technicalDetail));
    box.appendChild(details);
  }
  return box;
}

async function rollback(number) {
  if (!window.confirm('回退到版本 ' + number + '？')) return;
  try {
    const { status, body } = await api('/api/v1/admin/rulesets/' + encodeURIComponent(state.jurisdiction)
      + '/rollback/' + number, { method: 'POST' });
    if (status === 422) renderReport(body);
  } catch (error) {
    $('upload-error').textContent = error.message;
    show($('upload-error'), true);
  }
  await refresh();
}

async function refresh() {
  await loadJurisdictions();
  await loadVersions();
  await loadTables();
  await loadSubmissions();
  await loadCountyDiff();
}

// ---- a county against Wenzhou: what the county's own tables change ----------------------------------

async function loadCountyDiff() {
  const county = state.jurisdiction !== 'wenzhou';
  show($('county-diff-panel'), county);
  if (!county) return;
  try {
    const { body } = await api('/api/v1/jurisdictions/' + encodeURIComponent(state.jurisdiction) + '/diff');
    const lines = body.summary.length ? body.summary : ['与温州市规则相同'];
    $('county-diff').replaceChildren(...lines.map((line) => text('li', line, 'county-diff-line')),
      ...body.statutoryViolations.map((f) => text('li', '低于法律规定：' + f.message, 'error')));
  } catch (error) {
    $('county-diff').replaceChildren(text('li', error.message, 'error'));
  }
}

// ---- the inventory: the communities an edit is tried on before a leader signs ------------------------

function inventoryPath() {
  return '/api/v1/admin/rulesets/' + encodeURIComponent(state.jurisdiction) + '/inventory';
}

async function loadInventory() {
  const { body } = await api(inventoryPath());
  $('inventory-state').textContent = body.communities > 0
    ? '已保存清单：' + body.communities + ' 个小区（' + body.keptBy + '，' + new Date(body.keptAt).toLocaleString('zh-CN') + '）'
    : '尚未保存小区清单：校验时不评估对小区的影响。';
}

async function keepInventory(event) {
  event.preventDefault();
  show($('inventory-error'), false);
  const form = new FormData();
  const file = $('inventory-file').files[0];
  form.append('file', file, file.name);
  try {
    await api(inventoryPath(), { method: 'POST', body: form });
    $('inventory-file').value = '';
  } catch (error) {
    $('inventory-error').textContent = error.message;
    show($('inventory-error'), true);
  }
  await loadInventory();
}

/** The impact on the kept inventory, as a heading, one line per change and the changed communities to download. */
function impactElements(impact) {
  if (!impact) return [];
  const heading = text('h3', '对小区清单的影响 Impact on the inventory');
  const verdict = text('p', '清单共 ' + impact.communities + ' 个小区，其中 ' + impact.changedCommunities + ' 个的结论改变',
    'impact-verdict');
  const list = document.createElement('ul');
  impact.changes.forEach((change) => {
    const names = change.communities.slice(0, 10).map((c) => c.name || ('第 ' + c.row + ' 行')).join('、');
    const item = text('li', change.summary + '：' + names + (change.count > 10 ? ' 等' : ''), 'impact-change');
    list.appendChild(item);
  });
  const elements = [heading, verdict, list];
  if (impact.changes.length > 0) {
    const download = text('button', '下载结论改变的小区（CSV）');
    download.type = 'button';
    download.className = 'impact-download';
    download.addEventListener('click', () => downloadImpact(impact));
    elements.push(download);
  }
  return elements;
}

function downloadImpact(impact) {
  const quote = (value) => '"' + String(value).replace(/"/g, '""') + '"';
  const lines = [['清单行号', '小区', '结论', '原结论', '新结论'].map(quote).join(',')];
  impact.changes.forEach((change) => change.communities.forEach((c) =>
    lines.push([c.row, c.name, change.part, change.before, change.after].map(quote).join(','))));
  // A byte-order mark, so that Excel reads the Chinese as UTF-8.
  const blob = new Blob(['\ufeff' + lines.join('\r\n')], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = '结论改变的小区-' + state.jurisdiction + '.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

// ---- four eyes: an edit submitted with its reason, approved or returned by another publisher ----------

const SUBMISSION_STATES = { PENDING: '待审核', APPROVED: '已审核启用', RETURNED: '已退回' };

function submissionsPath(number, action) {
  return '/api/v1/admin/rulesets/' + encodeURIComponent(state.jurisdiction) + '/submissions'
    + (number ? '/' + number : '') + (action ? '/' + action : '');
}

async function submitForReview(event) {
  event.preventDefault();
  const form = uploadForm(false);
  form.append('reason', $('submit-reason').value);
  show($('upload-error'), false);
  try {
    const { status, body } = await api(submissionsPath(), { method: 'POST', body: form });
    if (status === 422) {
      renderReport(body.report, false);
      return;
    }
    show($('submit-form'), false);
    show($('activate-form'), false);
    $('submit-result').textContent = '已提交审核，编号 ' + body.submission.number + '，等待发布人员审核';
    show($('submit-result'), true);
    $('submit-reason').value = '';
  } catch (error) {
    $('upload-error').textContent = error.message;
    show($('upload-error'), true);
  }
  await loadSubmissions();
}

async function loadSubmissions() {
  const { body } = await api(submissionsPath());
  $('submissions').tBodies[0].replaceChildren(...body.submissions.slice().reverse().map((s) => {
    const open = text('button', s.status === 'PENDING' ? '查看并审核' : '查看');
    open.type = 'button';
    open.className = 'open-submission';
    open.dataset.number = s.number;
    open.addEventListener('click', () => openSubmission(s.number));
    const record = text('button', '审批单');
    record.type = 'button';
    record.className = 'download-record';
    record.dataset.number = s.number;
    record.title = '规则修改审批单（Word），供领导签批';
    record.addEventListener('click', () => download(submissionsPath(s.number, 'change-record'),
      '规则修改审批单-' + state.jurisdiction + '-第' + s.number + '号.docx', $('review-error')));
    const actions = document.createElement('span');
    actions.append(open, ' ', record);
    const decided = s.decidedBy ? '（' + s.decidedBy + (s.decisionComment ? '：' + s.decisionComment : '')
      + (s.version ? '，版本 ' + s.version : '') + '）' : '';
    const tr = row([String(s.number), new Date(s.submittedAt).toLocaleString('zh-CN'), s.submittedBy, s.reason,
      s.files.map((f) => f.slice(f.lastIndexOf('/') + 1)).join('、'), (SUBMISSION_STATES[s.status] || s.status) + decided,
      actions]);
    tr.className = 'submission ' + s.status.toLowerCase();
    tr.dataset.number = s.number;
    return tr;
  }));
}

async function openSubmission(number) {
  show($('review-error'), false);
  $('review-title').textContent = '第 ' + number + ' 号提交';
  $('review-verdict').textContent = '正在按现行规则校验…';
  show($('review'), true);
  try {
    const { body } = await api(submissionsPath(number));
    renderReview(body);
  } catch (error) {
    $('review-error').textContent = error.message;
    show($('review-error'), true);
  }
}

function renderReview(review) {
  const s = review.submission;
  const report = review.report;
  state.reviewing = s.number;
  $('review-title').textContent = '第 ' + s.number + ' 号提交：' + s.submittedBy + '，' + s.reason;
  const pending = s.status === 'PENDING';
  $('review-verdict').textContent = !pending ? SUBMISSION_STATES[s.status] + '：' + s.decidedBy
      + (s.decisionComment ? '，' + s.decisionComment : '') + (s.version ? '（版本 ' + s.version + '）' : '')
    : report.unchanged ? '与现行规则相同：已无需启用'
    : !report.valid ? '按现行规则校验未通过，不能启用（现行规则在提交后可能已改变）'
    : report.scenarioChanges.length > 0 ? '校验通过；改变了 ' + report.scenarioChanges.length + ' 个测试场景结果，确认后可以启用'
    : '校验通过，可以启用';
  $('review-verdict').className = pending && report && !report.valid ? 'error' : 'ok';
  const findings = report ? report.findings : [];
  $('review-findings').tBodies[0].replaceChildren(...findings.map((f) => {
    const tr = row([f.file, f.sheet || '', f.cell || '', f.message]);
    tr.className = 'finding';
    return tr;
  }));
  show($('review-findings'), findings.length > 0);
  const summary = report && report.changes ? report.changes.summary : [];
  $('review-changes').replaceChildren(...summary.map((line) => text('li', line)));
  $('review-impact').replaceChildren(...impactElements(report && report.impact));
  const scenarioChanges = report ? report.scenarioChanges : [];
  $('review-scenario-changes').tBodies[0].replaceChildren(...scenarioChanges.map((f) => {
    const tr = row([f.file, f.message]);
    tr.className = 'scenario-change';
    return tr;
  }));
  show($('review-scenario-changes-panel'), scenarioChanges.length > 0);
  const own = s.submittedBy === state.user;
  show($('review-own-note'), pending && state.mayActivate && own);
  show($('review-form'), pending && state.mayActivate);
  show($('approve'), !own && report && report.valid);
  show($('review-accept-label'), scenarioChanges.length > 0);
  $('review-accept').checked = false;
}

async function decide(action) {
  show($('review-error'), false);
  const comment = $('review-comment').value.trim();
  if (action === 'return' && !comment) {
    $('review-error').textContent = '退回须写明审核意见：要改什么、为什么';
    show($('review-error'), true);
    return;
  }
  if (action === 'approve' && !$('review-accept-label').hidden && !$('review-accept').checked) {
    $('review-error').textContent = '这次修改改变了上面列出的测试场景结果：请先勾选确认这些变化是本意';
    show($('review-error'), true);
    return;
  }
  const decision = action === 'approve'
    ? { comment: comment || undefined, acceptScenarioChanges: $('review-accept').checked } : { comment };
  try {
    const { body } = await api(submissionsPath(state.reviewing, action), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(decision),
    });
    renderReview(body.report && body.submission.status === 'PENDING' ? body : { submission: body.submission });
    $('review-comment').value = '';
  } catch (error) {
    $('review-error').textContent = error.message;
    show($('review-error'), true);
  }
  await refresh();
}

async function tryDecision(event) {
  event.preventDefault();
  show($('try-error'), false);
  const request = {
    completionYear: Number($('try-year').value),
    housingKind: $('try-kind').value,
    listedInShantyRenovationPlan: $('try-shanty').checked,
    deficiencies: {
      functionsIncomplete: $('try-functions').checked,
      facilitiesIncomplete: $('try-facilities').checked,
      propertyManagementInadequate: $('try-management').checked,
    },
    strongRenovationWillingness: $('try-willing').checked,
    evaluationDate: $('try-date').value,
  };
  const subdistrict = $('try-subdistrict').value.trim();
  if (subdistrict) request.subdistrict = subdistrict;
  try {
    const { body } = await api('/api/v1/eligibility?jurisdiction=' + encodeURIComponent(state.jurisdiction), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request),
    });
    $('try-decision').textContent = body.decisionLabel + '（' + body.decision + '）';
    $('try-decision').dataset.decision = body.decision;
    $('try-version').textContent = body.jurisdiction + ' 规则集 ' + body.rulesetVersion;
    $('try-reasons').replaceChildren(...body.reasons.concat(body.whyNot).map((r) =>
      text('li', r.ruleId + '：' + r.message + '（' + (r.clause.source || '指南') + ' ' + r.clause.section + '）')));
    show($('try-result'), true);
  } catch (error) {
    show($('try-result'), false);
    $('try-error').textContent = error.message;
    show($('try-error'), true);
  }
}

// ---- the holiday calendar: every jurisdiction's, loaded by staff each year -------------------------

/** The health's calendar component turns WARN weeks before the calendar runs out; its description says what to load. */
async function showCalendarWarning() {
  try {
    const response = await fetch('/actuator/health', { headers: { Accept: 'application/json' } });
    const health = await response.json();
    const calendar = (health.components || {}).calendar || {};
    $('calendar-warning').textContent = calendar.status === 'WARN' ? (calendar.description || '节假日日历即将用完，请载入下一年的放假通知') : '';
    show($('calendar-warning'), calendar.status === 'WARN');
  } catch (ignored) {
    // Health unreachable: the warning is a courtesy, the console works without it.
  }
}

async function loadCalendar() {
  const { body } = await api('/api/v1/admin/calendar');
  const years = body.coveredYears;
  $('calendar-coverage').textContent = '现行版本 ' + body.activeVersion + '，收录 ' + years[0] + '–' + years[years.length - 1]
    + ' 年，最后一日 ' + body.lastCoveredDay + '。';
  $('calendar-form-link').href = '/api/v1/calendar/notices/' + years[years.length - 1] + '.xlsx';
  const rows = $('calendar-versions').tBodies[0];
  rows.replaceChildren(...body.versions.slice().reverse().map((v) => {
    let action = text('span', v.active ? '当前启用' : '', 'active-mark');
    if (!v.active && state.mayActivate) {
      action = text('button', '回退到此版本');
      action.type = 'button';
      action.className = 'calendar-rollback';
      action.addEventListener('click', () => rollbackCalendar(v.number));
    }
    const covered = v.coveredYears.length ? v.coveredYears[0] + '–' + v.coveredYears[v.coveredYears.length - 1] : '无法读取';
    const tr = row([String(v.number), new Date(v.activatedAt).toLocaleString('zh-CN'), v.activatedBy, v.comment || '',
      covered, action]);
    tr.dataset.version = v.number;
    if (v.active) tr.className = 'active';
    return tr;
  }));
  $('calendar-activations').replaceChildren(...body.activations.map((a) => text('li', auditLine(a))));
}

function calendarForm(withComment) {
  const form = new FormData();
  const file = $('calendar-file').files[0];
  form.append('file', file, file.name);
  if (withComment) form.append('comment', $('calendar-comment').value);
  return form;
}

async function submitCalendar(action, form) {
  show($('calendar-error'), false);
  $('calendar-verdict').textContent = action === 'check' ? '正在检查…' : '正在启用…';
  show($('calendar-report'), true);
  try {
    const { body } = await api('/api/v1/admin/calendar/' + action, { method: 'POST', body: form });
    renderCalendarReport(body);
  } catch (error) {
    show($('calendar-report'), false);
    $('calendar-error').textContent = error.message;
    show($('calendar-error'), true);
  }
}

const DAY_KINDS = { HOLIDAY: '放假', MAKEUP_WORKDAY: '调休上班' };

function renderCalendarReport(report) {
  const year = report.noticeYears.join('、');
  $('calendar-verdict').textContent = report.version ? '已启用日历版本 ' + report.version.number + '（' + year + ' 年放假安排）'
    : report.valid ? year + ' 年放假安排检查通过，请核对下列变化后启用' : '检查未通过，不能启用：请按下列提示改正后重新上传';
  $('calendar-verdict').className = report.valid ? 'ok' : 'error';
  $('calendar-findings').replaceChildren(...report.findings.map((f) => text('li', f.location + '：' + f.message, 'calendar-finding')));
  const day = (change, d, className) => {
    const tr = row([change, d.date, DAY_KINDS[d.kind] || d.kind, d.holiday]);
    tr.className = className;
    return tr;
  };
  const changes = report.added.map((d) => day('新增', d, 'calendar-added'))
    .concat(report.changed.map((c) => day('改动（原为' + (DAY_KINDS[c.before.kind] || c.before.kind) + ' ' + c.before.holiday + '）',
      c.after, 'calendar-changed')))
    .concat(report.removed.map((d) => day('删去', d, 'calendar-removed')));
  $('calendar-diff').tBodies[0].replaceChildren(...changes);
  $('calendar-diff-summary').textContent = '新增 ' + report.added.length + ' 天，改动 ' + report.changed.length
    + ' 天，删去 ' + report.removed.length + ' 天';
  show($('calendar-diff-box'), changes.length > 0);
  if (report.valid && changes.length === 0) {
    $('calendar-findings').replaceChildren(text('li', '与现行日历相比没有变化'));
  }
  show($('calendar-activate-form'), report.valid && !report.version && state.mayActivate);
}

async function checkCalendar(event) {
  event.preventDefault();
  await submitCalendar('check', calendarForm(false));
}

async function activateCalendar(event) {
  event.preventDefault();
  await submitCalendar('activate', calendarForm(true));
  await loadCalendar();
  await showCalendarWarning();
}

async function rollbackCalendar(number) {
  if (!window.confirm('日历回退到版本 ' + number + '？')) return;
  show($('calendar-error'), false);
  try {
    await api('/api/v1/admin/calendar/rollback/' + number, { method: 'POST' });
    // The report on screen may be of the activation just undone: it would read as the calendar in force.
    show($('calendar-report'), false);
    $('calendar-file').value = '';
  } catch (error) {
    $('calendar-error').textContent = error.message;
    show($('calendar-error'), true);
  }
  await loadCalendar();
  await showCalendarWarning();
}

$('calendar-form').addEventListener('submit', checkCalendar);
$('calendar-activate-form').addEventListener('submit', activateCalendar);
showCalendarWarning();

$('login-form').addEventListener('submit', login);
$('logout').addEventListener('click', logout);
$('upload-form').addEventListener('submit', validate);
$('activate-form').addEventListener('submit', activate);
$('submit-form').addEventListener('submit', submitForReview);
$('inventory-form').addEventListener('submit', keepInventory);
$('approve').addEventListener('click', () => decide('approve'));
$('return').addEventListener('click', () => decide('return'));
$('try-form').addEventListener('submit', tryDecision);
$('jurisdiction').addEventListener('change', async () => {
  state.jurisdiction = $('jurisdiction').value;
  describeJurisdiction();
  show($('report'), false);
  show($('review'), false);
  await loadVersions();
  await loadTables();
  await loadSubmissions();
  await loadInventory();
  await loadCountyDiff();
});
