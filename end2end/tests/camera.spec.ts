import { test, expect, chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, createStaff, hydrated, seedSession, serverLog, staffLogIn } from './support';

// The door's camera path for real: the resident's own ticket QR code (ticket.svg, drawn by the
// browser) becomes the picture of Chromium's fake camera; the door page's scanner reads it
// (BarcodeDetector where the browser has it, the bundled jsQR otherwise) and lets them in.
const WIDTH = 640;
const HEIGHT = 480;

/** One Y4M frame (4:2:0) of a grey picture; Chromium's fake camera loops it. */
function y4m(grey: Buffer): Buffer {
  const luma = Buffer.alloc(WIDTH * HEIGHT);
  for (let i = 0; i < luma.length; i++) luma[i] = 16 + Math.round((grey[i] * 219) / 255);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  return Buffer.concat([header, luma, chroma, chroma]);
}

test('the camera reads the ticket QR code and the resident is let in once', async ({ page, baseURL }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  const session = seedSession(3, `扫码入场 ${stamp}`);
  const cookies = path.join(os.tmpdir(), `cc-camera-${stamp}.txt`);
  cli(['seed', 'residents', '--count', '1', '--first-phone', `134${stamp}`, '--sessions-out', cookies]);
  const cookie = readFileSync(cookies, 'utf8').trim();
  const booked = await page.request.post(`/api/v1/sessions/${session}/bookings`, { headers: { cookie } });
  expect(booked.status()).toBe(201);
  const booking = (await booked.json()).id;
  const svg = await (await page.request.get(`/api/v1/bookings/${booking}/ticket.svg`, { headers: { cookie } })).text();

  // The browser draws the SVG onto a white frame; its grey levels become the camera's picture.
  await page.goto('/');
  const grey = Buffer.from(await page.evaluate(async ([text, w, h]) => {
    const image = new Image();
    image.src = 'data:image/svg+xml;base64,' + btoa(text as string);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = w as number;
    canvas.height = h as number;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const side = 400;
    ctx.drawImage(image, (canvas.width - side) / 2, (canvas.height - side) / 2, side, side);
    const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const out: number[] = [];
    for (let i = 0; i < rgba.length; i += 4) out.push(rgba[i]);
    return out;
  }, [svg, WIDTH, HEIGHT] as const));
  const video = path.join(os.tmpdir(), `cc-camera-${stamp}.y4m`);
  writeFileSync(video, y4m(grey));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: 'zh-CN', permissions: ['camera'] });
    const door = await context.newPage();
    createStaff(`camera-${stamp}`, 'district_admin');
    await staffLogIn(door, `camera-${stamp}`);
    await door.goto(`/staff/checkin/${session}`);
    await hydrated(door);
    await expect(door.getByTestId('attended-count')).toHaveText('0');
    await door.locator('[data-scan-start]').click();
    await expect(door.getByTestId('scan-status')).toHaveText(/^签到成功。 1\d{2}\*{4}\d{4}$/, { timeout: 20_000 });
    await expect(door.getByTestId('attended-count')).toHaveText('1');
    // The camera keeps seeing the same ticket: it is not counted again.
    await door.waitForTimeout(3000);
    await expect(door.getByTestId('attended-count')).toHaveText('1');
  } finally {
    await browser.close();
  }
});
