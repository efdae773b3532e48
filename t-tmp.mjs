import { createAccount, fetchCalendars, syncCollection, createCalendarObject, freeBusyQuery, calendarMultiGet, fetchCalendarObjects, getBasicAuthHeaders } from 'tsdav';
const headers = getBasicAuthHeaders({ username: 'rep', password: 's3cret' });
const account = await createAccount({ account: { serverUrl: 'http://127.0.0.1:15232/', accountType: 'caldav' }, headers });
console.log(account);
const cals = await fetchCalendars({ account, headers });
console.log(cals.map(c => ({ url: c.url, dn: c.displayName, ctag: c.ctag, st: c.syncToken, reports: c.reports, comps: c.components })));
const cal = cals[0];
const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a1\r\nDTSTAMP:20300101T000000Z\r\nDTSTART:20300604T090000Z\r\nDTEND:20300604T100000Z\r\nSUMMARY:A\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
let r = await createCalendarObject({ calendar: cal, filename: 'a1.ics', iCalString: ics, headers });
console.log('create', r.status, r.headers.get('etag'));
r = await createCalendarObject({ calendar: cal, filename: 'a1.ics', iCalString: ics, headers });
console.log('create again', r.status);
const s = await syncCollection({ url: cal.url, props: { 'd:getetag': {} }, syncLevel: 1, syncToken: cal.syncToken, headers });
console.log(JSON.stringify(s, null, 1).slice(0, 1500));
try { const fb = await freeBusyQuery({ url: cal.url, timeRange: { start: '2030-06-01T00:00:00Z', end: '2030-06-10T00:00:00Z' }, headers }); console.log('fb', JSON.stringify(fb).slice(0,500)); } catch (e) { console.log('fb err', e.message); }
const bad = await fetchCalendars({ account, headers: getBasicAuthHeaders({ username: 'rep', password: 'nope' }) }).catch(e => 'threw ' + e.message);
console.log('bad', bad);
