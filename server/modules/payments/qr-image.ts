import QRCode from 'qrcode';

// Error-correction M is what VietQR issuers print; the quiet zone of 4 modules is the QR standard's.
const OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 4 };

export async function renderQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { ...OPTIONS, type: 'svg' });
}

export async function renderQrPng(payload: string, width = 320): Promise<Buffer> {
  return QRCode.toBuffer(payload, { ...OPTIONS, type: 'png', width });
}
