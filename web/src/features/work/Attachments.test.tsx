import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../app/i18n';
import { RequestUploadTicketDocument } from '../../gql/graphql';
import { Attachments } from './Attachments';

/** Stands in for the browser's XMLHttpRequest so the test can drive the upload's progress. */
class FakeXhr {
  static last: FakeXhr | null = null;
  headers: Record<string, string> = {};
  method = '';
  url = '';
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.last = this;
  }
}

const original = window.XMLHttpRequest;
beforeEach(() => {
  FakeXhr.last = null;
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
});
afterEach(() => {
  window.XMLHttpRequest = original;
});

function Harness() {
  const [ids, setIds] = useState<string[]>([]);
  return <Attachments ids={ids} onChange={(change) => setIds(change)} />;
}

describe('Attachments', () => {
  it('uploads with the ticket, shows progress, then the thumbnail, and removes it', async () => {
    render(
      <I18nProvider initialLanguage="en">
        <MockedProvider
          mocks={[
            {
              request: { query: RequestUploadTicketDocument, variables: { input: { purpose: 'WORK_ATTACHMENT' } } },
              result: { data: { requestUpload: { __typename: 'RequestUploadPayload', ticket: 'ticket-1', uploadUrl: '/files/upload', maxBytes: 1000 } } },
            },
          ]}
        >
          <Harness />
        </MockedProvider>
      </I18nProvider>,
    );
    const file = new File([new Uint8Array(200)], '画 1.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Take a photo or choose a file'), { target: { files: [file] } });

    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/files/upload');
    expect(xhr.headers['X-Upload-Ticket']).toBe('ticket-1');
    expect(xhr.headers['X-File-Name']).toBe(encodeURIComponent('画 1.png'));
    expect(xhr.body).toBe(file);

    const progress = screen.getByRole('progressbar', { name: 'Uploading 画 1.png' });
    expect(progress.getAttribute('value')).toBe('0');
    xhr.upload.onprogress!({ lengthComputable: true, loaded: 50, total: 200 });
    await waitFor(() => expect(progress.getAttribute('value')).toBe('25'));
    xhr.upload.onprogress!({ lengthComputable: true, loaded: 150, total: 200 });
    await waitFor(() => expect(progress.getAttribute('value')).toBe('75'));

    xhr.status = 201;
    xhr.responseText = JSON.stringify({ fileId: 'file-9', contentType: 'image/png', sizeBytes: 200, thumbnail: true });
    xhr.onload!();
    const image = await screen.findByRole('img', { name: 'My picture 1' });
    expect(image.getAttribute('src')).toBe('/files/file-9/thumbnail');
    expect(screen.queryByRole('progressbar')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Remove attachment 1' }));
    expect(screen.queryByRole('img', { name: 'My picture 1' })).toBeNull();
  });

  it('says why the server refused a file', async () => {
    render(
      <I18nProvider initialLanguage="en">
        <MockedProvider
          mocks={[
            {
              request: { query: RequestUploadTicketDocument, variables: { input: { purpose: 'WORK_ATTACHMENT' } } },
              result: { data: { requestUpload: { __typename: 'RequestUploadPayload', ticket: 't', uploadUrl: '/files/upload', maxBytes: 1000 } } },
            },
          ]}
        >
          <Harness />
        </MockedProvider>
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('Take a photo or choose a file'), { target: { files: [new File(['x'], 'notes.exe')] } });
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    FakeXhr.last!.status = 415;
    FakeXhr.last!.responseText = JSON.stringify({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    FakeXhr.last!.onload!();
    expect((await screen.findByRole('alert')).textContent).toContain("notes.exe wasn't uploaded");
  });
});
