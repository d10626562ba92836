import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { appointmentToAgendaEvent } from '@carnet/catalog-sdk';
import type { Appointment, Bundle } from '@medplum/fhirtypes';
import { startPlatform, type RunningPlatform } from '../main.js';
import { accessToken, fhir, json } from '../testing/fhir-client.js';

let platform: RunningPlatform;
let token: string;
const lines: string[] = [];

before(async () => {
  platform = await startPlatform({
    oidcPort: 0,
    fhirPort: 0,
    documentCount: 5,
    personas: ['kidney'],
    log: (line) => lines.push(line),
  });
  token = await accessToken(platform, 'kidney');
});
after(async () => {
  await platform.close();
});

async function subscriptionUrl(path: '$calendar-subscription' | '$calendar-subscription-reset'): Promise<string> {
  const response = await fhir(platform, `/Patient/${path}`, token, { method: 'POST' });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const { url } = (await json(response)) as { url: string };
  return url;
}

/** The patient's next prescription renewal, as the server holds it. */
async function nextRenewal(): Promise<{ id: string; title: string; start: ICAL.Time; minutesBefore: number }> {
  const bundle = (await json(await fhir(platform, '/Appointment?_count=200', token))) as unknown as Bundle<Appointment>;
  const now = ICAL.Time.fromJSDate(new Date(), true);
  const renewals = (bundle.entry ?? [])
    .map((entry) => appointmentToAgendaEvent(entry.resource as Appointment))
    .filter((event) => event.kind === 'prescription-renewal' && event.reminders.length > 0);
  assert.ok(renewals.length > 0, 'the persona has renewal reminders');
  let best: { id: string; title: string; start: ICAL.Time; minutesBefore: number } | undefined;
  for (const renewal of renewals) {
    const calendar = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:${renewal.start.replace(/[-:]/g, '')}\r\n${renewal.rrule ? `RRULE:${renewal.rrule}\r\n` : ''}END:VEVENT\r\nEND:VCALENDAR`;
    const event = new ICAL.Event(ICAL.Component.fromString(calendar).getFirstSubcomponent('vevent') ?? undefined);
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (next.compare(now) < 0) continue;
      if (!best || next.compare(best.start) < 0)
        best = {
          id: renewal.id,
          title: renewal.title,
          start: next,
          minutesBefore: renewal.reminders[0]?.minutesBefore ?? 0,
        };
      break;
    }
  }
  assert.ok(best, 'a renewal is still to come');
  return best;
}

describe('calendar subscription (webcal)', () => {
  it('serves the agenda, doses and renewal reminders as iCalendar with alarms, validated by ical.js', async () => {
    const url = await subscriptionUrl('$calendar-subscription');
    assert.match(url, new RegExp(`^${platform.fhirBaseUrl}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    // Asked again: the same URL (subscribing twice does not break the first).
    assert.equal(await subscriptionUrl('$calendar-subscription'), url);

    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.name, 'vcalendar');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    const events = calendar.getAllSubcomponents('vevent');

    // The next renewal reminder is there, with its alarm.
    const renewal = await nextRenewal();
    const vevent = events.find((e) => e.getFirstPropertyValue('uid') === `${renewal.id}@carnet`);
    assert.ok(vevent, 'the renewal is in the feed');
    const event = new ICAL.Event(vevent);
    assert.equal(event.summary, renewal.title);
    const iterator = event.iterator();
    const now = ICAL.Time.fromJSDate(new Date(), true);
    let next = iterator.next();
    while (next && event.getOccurrenceDetails(next).endDate.compare(now) < 0) next = iterator.next();
    assert.ok(next, 'the renewal has an occurrence to come');
    assert.equal(next.toString().slice(0, 10), renewal.start.toString().slice(0, 10));
    const alarm = vevent.getFirstSubcomponent('valarm');
    assert.ok(alarm, 'the renewal has an alarm');
    assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
    const trigger = alarm.getFirstPropertyValue('trigger') as ICAL.Duration;
    assert.equal(trigger.toSeconds(), -renewal.minutesBefore * 60);

    // Doses of the next days ring at their time.
    const doses = events.filter((e) => String(e.getFirstPropertyValue('summary')).startsWith('Prise : '));
    assert.ok(doses.length > 0, 'doses are in the feed');
    for (const dose of doses.slice(0, 5)) {
      const doseAlarm = dose.getFirstSubcomponent('valarm');
      assert.ok(doseAlarm);
      assert.equal((doseAlarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(), 0);
    }
  });

  it('a reset makes the old URL 404 at once; the new one works; neither needs nor accepts a guess', async () => {
    const old = await subscriptionUrl('$calendar-subscription');
    assert.equal((await fetch(old)).status, 200);
    const fresh = await subscriptionUrl('$calendar-subscription-reset');
    assert.notEqual(fresh, old);
    assert.equal((await fetch(old)).status, 404);
    assert.equal((await fetch(fresh)).status, 200);
    assert.equal((await fetch(`${platform.fhirBaseUrl}/calendar/${'A'.repeat(43)}.ics`)).status, 404);
    // Without a token there is no URL to get.
    assert.equal((await fhir(platform, '/Patient/$calendar-subscription', undefined, { method: 'POST' })).status, 401);
  });

  it('never writes the secret in a log line nor in the access trail, nor health data in the logs', async () => {
    const url = await subscriptionUrl('$calendar-subscription');
    const secret = url.slice(url.lastIndexOf('/') + 1, -'.ics'.length);
    await (await fetch(url)).text();
    const feedLines = lines.filter((line) => line.includes('/calendar/'));
    assert.ok(feedLines.length > 0, 'the feed requests are logged');
    const renewal = await nextRenewal();
    for (const line of lines) {
      assert.ok(!line.includes(secret), 'no secret in the log');
      assert.ok(!line.includes(renewal.title), 'no health data in the log');
      assert.ok(!line.includes('Prise'), 'no dose in the log');
    }
    const trail = await fhir(platform, '/AuditEvent?_count=200', token);
    assert.equal(trail.status, 200);
    assert.ok(!(await trail.text()).includes(secret), 'no secret in the access trail');
  });
});
