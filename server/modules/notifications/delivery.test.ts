import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/job-context.ts';
import { startFakeGateway, startLoopbackSmtp } from '../../../test/helpers/loopback-servers.ts';
import { loadConfig } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { runDueJobs } from '../../jobs/worker.ts';
import { closeSmtpTransports } from './channels/email.ts';
import { enqueueNotification, listMyNotifications, markMyNotificationRead } from './service.ts';

let t: TestContext;
let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
let logLines: string[] = [];

const CODE = '000.00.06.H56-231027-0361';
const accepted = {
  dossierCode: CODE,
  procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  appointmentAt: '2023-11-03T09:32:00+07:00',
  receiptUrl: 'http://localhost:3000/ho-so/000.00.06.H56-231027-0361/mau-01.pdf',
};
const PHONE = '0912345678';

function capturingLogger() {
  return pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
}

beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  gateway = await startFakeGateway();
  t = await createTestContext({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Một Cửa Hà Nội <no-reply@hanoi.example>',
    SMS_GATEWAY_URL: `${gateway.url}/sms`,
    NOTIFY_RATE_LIMITS: 'email=100,sms=2',
  });
  t.ctx.log = capturingLogger();
  await t.database.exec('CREATE TABLE test_events (id serial PRIMARY KEY, what text NOT NULL)');
});
afterAll(async () => {
  closeSmtpTransports();
  await t.close();
  await smtp.close();
  await gateway.close();
});
beforeEach(() => {
  gateway.setStatus(200);
  gateway.requests.length = 0;
  logLines = [];
});

/** The caller's action: writes its own row and enqueues the notification in the same transaction. */
async function actAndNotify(ctx: AppContext, what: string, notify: Parameters<typeof enqueueNotification>[1]) {
  return ctx.db.transaction().execute(async (trx) => {
    await sql`INSERT INTO test_events (what) VALUES (${what})`.execute(trx);
    return enqueueNotification(trx, notify);
  });
}

async function notificationsOf(ids: number[]) {
  return t.ctx.db.selectFrom('notifications').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

describe('notification delivery', () => {
  it('delivers an accepted-dossier e-mail in Vietnamese to a real SMTP server', async () => {
    const { notificationIds } = await actAndNotify(t.ctx, 'accept', {
      template: 'dossier.accepted',
      eventKey: `accepted:${CODE}`,
      recipient: { email: 'nguyen.van.a@example.vn', locale: 'vi' },
      params: accepted,
      channels: ['email'],
      now: t.clock.now(),
    });
    await runDueJobs(t.ctx);
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['nguyen.van.a@example.vn']);
    expect(mail.subject).toBe(`Hồ sơ ${CODE} đã được tiếp nhận`);
    expect(mail.text).toContain('(Cấp giấy phép xây dựng nhà ở riêng lẻ) đã được tiếp nhận.');
    expect(mail.text).toContain('Thời gian hẹn trả kết quả: 09:32 03/11/2023.');
    expect(mail.text).toContain(`(mẫu 01): ${accepted.receiptUrl}`);
    const [row] = await notificationsOf(notificationIds);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row?.sent_at?.getTime()).toBe(t.clock.now().getTime());
    expect(logLines.join('')).not.toContain('nguyen.van.a');
  });

  it('retries a failing channel, dead-letters it with the error, and keeps the action that caused it', async () => {
    gateway.setStatus(503);
    const { notificationIds } = await actAndNotify(t.ctx, 'refuse', {
      template: 'dossier.refused',
      eventKey: `refused:${CODE}`,
      recipient: { phone: PHONE },
      params: { dossierCode: CODE, reason: 'Thiếu bản vẽ thiết kế', noticeUrl: 'http://localhost:3000/mau-03.pdf' },
      channels: ['sms'],
      now: t.clock.now(),
    });
    const id = notificationIds[0]!;
    const job = () =>
      t.ctx.db.selectFrom('jobs').selectAll().where('name', '=', 'notifications.deliver').where('key', '=', String(id));
    await runDueJobs(t.ctx);
    expect(await job().executeTakeFirstOrThrow()).toMatchObject({ state: 'queued', attempts: 1 });
    expect((await notificationsOf([id]))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    // Backoff 1, 2, 4 … minutes: nothing happens before the next attempt is due.
    t.clock.advance(59_000);
    await runDueJobs(t.ctx);
    expect(gateway.requests).toHaveLength(1);
    for (let i = 0; i < 10; i++) {
      t.clock.advance(2 * 3_600_000);
      await runDueJobs(t.ctx);
    }
    expect(gateway.requests).toHaveLength(8);
    const dead = await job().executeTakeFirstOrThrow();
    expect(dead).toMatchObject({ state: 'dead', attempts: 8 });
    expect(dead.last_error).toContain('SMS gateway answered HTTP 503');
    const [row] = await notificationsOf([id]);
    expect(row).toMatchObject({ status: 'dead', attempts: 8 });
    expect(row?.last_error).toContain('HTTP 503');
    // The action that caused the notification was committed and stays.
    const events = await sql<{ what: string }>`SELECT what FROM test_events WHERE what = 'refuse'`.execute(t.ctx.db);
    expect(events.rows).toHaveLength(1);
    expect(logLines.join('')).not.toContain(PHONE);
    expect(logLines.join('')).toContain('091****678');
  });

  it('sends nothing when the action that would cause it is rolled back', async () => {
    const before = await t.ctx.db.selectFrom('notifications').select('id').execute();
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await enqueueNotification(trx, {
          template: 'dossier.result_returned',
          eventKey: 'returned:rolled-back',
          recipient: { email: 'b@example.vn', phone: PHONE },
          params: { dossierCode: CODE, trackingUrl: 'http://localhost:3000/tra-cuu' },
          now: t.clock.now(),
        });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await t.ctx.db.selectFrom('notifications').select('id').execute()).toEqual(before);
    expect(await t.ctx.db.selectFrom('jobs').select('id').where('key', 'like', 'returned%').execute()).toEqual([]);
  });

  it('notifies each recipient once per event and channel, however often the event is reported', async () => {
    const notify = {
      template: 'officer.due_soon' as const,
      eventKey: `due-soon:${CODE}`,
      recipient: { accountId: 'officer-1', email: 'officer1@hanoi.example', phone: PHONE },
      params: { dossierCode: CODE, dueAt: '2023-11-03T09:32:00+07:00', workspaceUrl: 'http://localhost:3000/can-bo' },
      now: t.clock.now(),
    };
    const first = await actAndNotify(t.ctx, 'sweep-1', notify);
    const second = await actAndNotify(t.ctx, 'sweep-2', notify);
    expect(first.notificationIds).toHaveLength(3);
    expect(second).toEqual({ notificationIds: [], duplicates: 3 });
  });

  it('texts without diacritics through the gateway and holds back what exceeds the per-minute limit', async () => {
    await runDueJobs(t.ctx); // deliver what earlier tests left queued
    gateway.requests.length = 0;
    t.clock.advance(3_600_000);
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      const code = `000.00.06.H56-231027-000${n}`;
      const r = await actAndNotify(t.ctx, `accept-${n}`, {
        template: 'dossier.accepted',
        eventKey: `accepted:${code}`,
        recipient: { phone: PHONE },
        params: { ...accepted, dossierCode: code },
        channels: ['sms'],
        now: t.clock.now(),
      });
      ids.push(...r.notificationIds);
    }
    const counts = await runDueJobs(t.ctx);
    expect(counts.deferred).toBeGreaterThanOrEqual(1);
    expect(gateway.requests).toHaveLength(2);
    for (const request of gateway.requests) {
      expect(request.body['to']).toBe(PHONE);
      expect(request.body['text']).toMatch(
        /^Ho so 000\.00\.06\.H56-231027-000[123] da duoc tiep nhan\. Hen tra ket qua: 09:32 03\/11\/2023\.$/,
      );
    }
    t.clock.advance(60_000);
    await runDueJobs(t.ctx);
    expect(gateway.requests).toHaveLength(3);
    expect((await notificationsOf(ids)).map((n) => n.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('sends a one-time code and then wipes it from the outbox', async () => {
    t.clock.advance(3_600_000); // a fresh rate-limit window
    const { notificationIds } = await actAndNotify(t.ctx, 'code', {
      template: 'identity.verify_phone',
      eventKey: 'code-1',
      recipient: { accountId: 'citizen-9', phone: PHONE },
      params: { code: '482913', expiresInMinutes: 15 },
      channels: ['sms'],
      now: t.clock.now(),
    });
    await runDueJobs(t.ctx);
    expect(gateway.requests.at(-1)?.body['text']).toContain('482913');
    expect((await notificationsOf(notificationIds))[0]).toMatchObject({ status: 'sent', params: {} });
    expect(logLines.join('')).not.toContain('482913');
  });

  it('puts in-app messages in the recipient’s inbox, unread until read', async () => {
    await actAndNotify(t.ctx, 'payment', {
      template: 'payment.requested',
      eventKey: `payment:${CODE}`,
      recipient: { accountId: 'citizen-7', locale: 'en' },
      params: { dossierCode: CODE, amountVnd: 150000, paymentUrl: 'http://localhost:3000/thanh-toan/1' },
      now: t.clock.now(),
    });
    await runDueJobs(t.ctx);
    const inbox = await listMyNotifications(t.ctx, 'citizen-7', { limit: 20, unread: false });
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      template: 'payment.requested',
      subject: `Payment requested for dossier ${CODE}`,
      link: 'http://localhost:3000/thanh-toan/1',
      readAt: null,
    });
    expect(inbox.items[0]?.body).toContain('VND 150.000');
    const id = inbox.items[0]!.id;
    await expect(markMyNotificationRead(t.ctx, 'someone-else', id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await markMyNotificationRead(t.ctx, 'citizen-7', id);
    expect((await listMyNotifications(t.ctx, 'citizen-7', { limit: 20, unread: false })).unread).toBe(0);
  });

  it('keeps e-mail and SMS in the development mailbox when no SMTP server or gateway is configured', async () => {
    const dev: AppContext = { ...t.ctx, config: loadConfig({ LOG_LEVEL: 'silent' }) };
    const { notificationIds } = await actAndNotify(dev, 'ready', {
      template: 'dossier.result_ready',
      eventKey: `ready:${CODE}`,
      recipient: { email: 'tran.thi.b@example.vn', phone: PHONE },
      params: {
        dossierCode: CODE,
        returnPlace: 'Bộ phận Một cửa quận Hoàn Kiếm',
        trackingUrl: 'http://localhost:3000/tra-cuu',
      },
      now: t.clock.now(),
    });
    const mailsBefore = smtp.mails.length;
    await runDueJobs(dev);
    expect(smtp.mails.length).toBe(mailsBefore);
    expect(gateway.requests).toHaveLength(0);
    const kept = await t.ctx.db
      .selectFrom('dev_mailbox')
      .selectAll()
      .where('notification_id', 'in', notificationIds)
      .orderBy('channel')
      .execute();
    expect(kept.map((m) => [m.channel, m.subject])).toEqual([
      ['email', `Hồ sơ ${CODE} đã có kết quả`],
      ['sms', `Hồ sơ ${CODE} đã có kết quả`],
    ]);
    const logged = logLines.join('');
    expect(logged).toContain('development mailbox');
    expect(logged).toContain('t***@e***.vn');
    expect(logged).not.toContain('tran.thi.b');
    expect(logged).not.toContain(PHONE);
  });

  it('sends through Zalo ZNS only when configured and the template has a ZNS counterpart', async () => {
    const notify = (key: string) => ({
      template: 'dossier.accepted' as const,
      eventKey: key,
      recipient: { phone: PHONE },
      params: accepted,
      channels: ['zns' as const],
      now: t.clock.now(),
    });
    const off = await actAndNotify(t.ctx, 'zns-off', notify('zns-off'));
    await runDueJobs(t.ctx);
    expect((await notificationsOf(off.notificationIds))[0]).toMatchObject({ status: 'skipped' });

    const zns: AppContext = {
      ...t.ctx,
      config: loadConfig({
        LOG_LEVEL: 'silent',
        ZNS_ACCESS_TOKEN: 'test-token',
        ZNS_API_URL: `${gateway.url}/zns`,
        ZNS_TEMPLATES: 'dossier.accepted=231234',
      }),
    };
    const on = await actAndNotify(zns, 'zns-on', notify('zns-on'));
    await runDueJobs(zns);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]?.headers['access_token']).toBe('test-token');
    expect(gateway.requests[0]?.body).toMatchObject({
      phone: '84912345678',
      template_id: '231234',
      template_data: { dossierCode: CODE },
    });
    expect((await notificationsOf(on.notificationIds))[0]).toMatchObject({ status: 'sent', provider_id: 'zns-1' });
  });
});
