import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/renderApp';

describe('NotFoundPage', () => {
  it('answers unknown addresses inside the app shell', async () => {
    renderApp('/no/such/page', []);

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('这个页面不存在');
    expect(screen.getByRole('link', { name: '去看看馆藏' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('link', { name: '跳到主要内容' })).toBeTruthy();
  });
});
