import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PupilSignInDocument } from '../../gql/graphql';
import { renderApp } from '../../test/renderApp';
import { readCardLink } from './cardLink';

const pupilSignIn = (classCode: string, pupilCode: string) => ({ query: PupilSignInDocument, variables: { input: { classCode, pupilCode } } });

describe('PupilSignInPage', () => {
  afterEach(() => {
    delete (window as unknown as { BarcodeDetector?: unknown }).BarcodeDetector;
  });

  it('fills both codes in from the card link in the address', async () => {
    renderApp('/pupil-sign-in?class=wb4b26&code=K7M2QX', []);

    const classCode = (await screen.findByLabelText('班级码')) as HTMLInputElement;
    const pupilCode = screen.getByLabelText('我的登录码') as HTMLInputElement;
    expect(classCode.value).toBe('WB4B26');
    expect(pupilCode.value).toBe('K7M2QX');
    expect(classCode.getAttribute('autocapitalize')).toBe('characters');
    expect(screen.getByRole('status').textContent).toContain('已经从登录卡上填好了码');
  });

  it('tells a child gently when the codes are wrong', async () => {
    renderApp('/pupil-sign-in?class=WB4B26&code=K7M2QX', [
      {
        request: pupilSignIn('WB4B26', 'K7M2QX'),
        result: { data: null, errors: [{ message: 'wrong', path: ['signInPupil'], extensions: { code: 'UNAUTHENTICATED' } }] },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: '进入' }));
    expect((await screen.findByRole('alert')).textContent).toBe('码好像不对。请对照你的登录卡再试一次，或者请老师帮忙。');
  });

  it('asks a child to wait the seconds the server names, then lets them try again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderApp('/pupil-sign-in?class=WB4B26&code=K7M2QX', [
        {
          request: pupilSignIn('WB4B26', 'K7M2QX'),
          result: { data: null, errors: [{ message: 'wait', path: ['signInPupil'], extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }] },
        },
      ]);
      fireEvent.click(await screen.findByRole('button', { name: '进入' }));
      expect((await screen.findByRole('alert')).textContent).toBe('试了太多次啦！请休息一下，等 30 秒再试一次。也可以请老师帮忙。');
      const button = screen.getByRole('button', { name: '进入' }) as HTMLButtonElement;
      expect(button.disabled).toBe(true);

      await act(async () => {
        await vi.advanceTimersByTimeAsync(29_000);
      });
      expect(button.disabled).toBe(true);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1_000);
      });
      expect(button.disabled).toBe(false);
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says "1 second" in English, not "1 seconds"', async () => {
    renderApp('/pupil-sign-in?class=WB4B26&code=K7M2QX', [
      {
        request: pupilSignIn('WB4B26', 'K7M2QX'),
        result: { data: null, errors: [{ message: 'wait', path: ['signInPupil'], extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }] },
      },
    ], { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: "Let's go" }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many tries! Take a little break, wait 1 second and try again. You can also ask your teacher for help.');
  });

  it('checks the shape of a code before asking the server', async () => {
    renderApp('/pupil-sign-in', []);
    fireEvent.change(await screen.findByLabelText('班级码'), { target: { value: 'wb4' } });
    fireEvent.change(screen.getByLabelText('我的登录码'), { target: { value: 'k7m2qx' } });
    fireEvent.click(screen.getByRole('button', { name: '进入' }));

    const classCode = screen.getByLabelText('班级码');
    expect(classCode.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('这个码应该是 6 个字母或数字。请对照卡片再看一看。')).toBeTruthy();
    expect(screen.getByLabelText('我的登录码').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the scan button only where the browser can read QR codes', async () => {
    renderApp('/pupil-sign-in', []);
    await screen.findByLabelText('班级码');
    expect(screen.queryByRole('button', { name: /扫描我的登录卡/ })).toBeNull();
  });

  it('offers the scan button when a barcode reader and a camera exist', async () => {
    (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = class {
      detect() {
        return Promise.resolve([]);
      }
    };
    const mediaDevices = { getUserMedia: () => new Promise(() => undefined) };
    Object.defineProperty(navigator, 'mediaDevices', { value: mediaDevices, configurable: true });
    try {
      renderApp('/pupil-sign-in', []);
      expect(await screen.findByRole('button', { name: /扫描我的登录卡/ })).toBeTruthy();
    } finally {
      Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    }
  });
});

describe('readCardLink', () => {
  it('reads both codes from a card QR on any host, normalised', () => {
    expect(readCardLink('https://lmr.example/pupil-sign-in?class=wb4b26&code=k7m2qx')).toEqual({ classCode: 'WB4B26', pupilCode: 'K7M2QX' });
    expect(readCardLink('/pupil-sign-in?class=WB4B26&code=K7M2QX')).toEqual({ classCode: 'WB4B26', pupilCode: 'K7M2QX' });
  });

  it('refuses other QR codes', () => {
    expect(readCardLink('https://example.com/?class=WB4B26&code=K7M2QX')).toBeNull();
    expect(readCardLink('https://lmr.example/pupil-sign-in?class=WB4B26')).toBeNull();
    expect(readCardLink('hello')).toBeNull();
    expect(readCardLink('https://lmr.example/pupil-sign-in?class=WB4B2O&code=K7M2QX')).toBeNull();
  });
});
