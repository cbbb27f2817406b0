import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SignInCardsDocument } from '../../gql/graphql';
import { renderApp, teacherWang } from '../../test/renderApp';
import { classId, signInCards } from './fixtures';

describe('SignInCardsPage', () => {
  it('prints one card per pupil with both codes and a QR code', async () => {
    renderApp(`/classes/${classId}/cards`, [{ request: { query: SignInCardsDocument, variables: { classId } }, result: { data: { signInCards } } }], {
      viewer: teacherWang,
    });

    await screen.findByRole('heading', { level: 1, name: '四年级二班的登录卡' });
    const cards = within(screen.getByRole('list', { name: '登录卡' })).getAllByRole('listitem');
    expect(cards).toHaveLength(2);

    const first = within(cards[0]!);
    expect(first.getByText('王子涵')).toBeTruthy();
    expect(first.getByText('四年级二班')).toBeTruthy();
    expect(first.getByTestId('card-class-code').textContent).toBe('WB4B26');
    expect(first.getByTestId('card-pupil-code').textContent).toBe('K7M2QX');

    const qrCodes = screen.getAllByRole('img', { name: /的登录二维码$/ });
    expect(qrCodes.map((qr) => qr.getAttribute('aria-label'))).toEqual(['王子涵的登录二维码', '李欣怡的登录二维码']);
    for (const qr of qrCodes) {
      // A real QR symbol: at least version 1 (21 modules) with dark modules drawn.
      expect(Number(qr.getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);
      expect(qr.querySelector('path')?.getAttribute('d')?.length ?? 0).toBeGreaterThan(100);
    }
    // Different pupils, different codes, different symbols.
    expect(qrCodes[0]!.querySelector('path')?.getAttribute('d')).not.toBe(qrCodes[1]!.querySelector('path')?.getAttribute('d'));
    expect(screen.getByRole('button', { name: '打印' })).toBeTruthy();
  });
});
