/** Sending one file to the upload endpoint with a ticket from the requestUpload mutation. */

export interface UploadedFile {
  fileId: string;
  thumbnail: boolean;
}

export class UploadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** Sends the raw file with XMLHttpRequest, because fetch cannot report upload progress. */
export function sendFile(url: string, ticket: string, file: File, onProgress: (fraction: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-Upload-Ticket', ticket);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: { fileId?: string; thumbnail?: boolean; code?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // A proxy's error page: decided from the status below.
      }
      if (xhr.status === 201 && body.fileId) resolve({ fileId: body.fileId, thumbnail: Boolean(body.thumbnail) });
      else reject(new UploadError(body.code ?? (xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : xhr.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNKNOWN')));
    };
    xhr.onerror = () => reject(new UploadError('NETWORK'));
    xhr.send(file);
  });
}
