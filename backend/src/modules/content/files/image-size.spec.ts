import { imageSize } from './image-size';

describe('imageSize', () => {
  it('reads PNG, GIF and JPEG headers', () => {
    const png = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    expect(imageSize(png, 'a.png')).toEqual({ width: 640, height: 480 });

    const gif = Buffer.from('GIF89a\x20\x01\xc8\x00', 'latin1');
    expect(imageSize(gif, 'a.gif')).toEqual({ width: 288, height: 200 });

    // SOI, an APP0 segment of 16 bytes, then SOF0: precision, height 300, width 400.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Array(14).fill(0), 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03]);
    expect(imageSize(jpeg, 'a.jpg')).toEqual({ width: 400, height: 300 });
  });

  it('reads an SVG’s width and height, else its viewBox, and gives up on relative sizes', () => {
    expect(imageSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 340 320" width="340" height="320">'), 'a.svg')).toEqual({ width: 340, height: 320 });
    expect(imageSize(Buffer.from('<?xml version="1.0"?>\n<svg viewBox="0 0 320 400">'), 'a.svg')).toEqual({ width: 320, height: 400 });
    expect(imageSize(Buffer.from('<svg width="100%" height="50%">'), 'a.svg')).toBeNull();
    expect(imageSize(Buffer.from('not a picture'), 'a.png')).toBeNull();
  });
});
