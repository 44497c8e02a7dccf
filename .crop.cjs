const { Jimp } = require('jimp');
(async () => {
  const [src, y, h, out] = process.argv.slice(2);
  const im = await Jimp.read(src);
  im.crop({ x: 0, y: Number(y), w: im.bitmap.width, h: Math.min(Number(h), im.bitmap.height - Number(y)) });
  await im.write(out);
})();
