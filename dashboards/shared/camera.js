// Camera helpers for the capture flow: open a camera (rear or front), take a still as a JPEG blob, and measure a frame
// for live hints. Everything stays in the browser until the applicant sends it.

export function cameraAvailable() {
  return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

/** Opens the camera facing the given way ("environment" = rear, "user" = front) into the video element. */
export async function openCamera(video, facing) {
  if (!cameraAvailable()) throw new Error("This browser cannot use a camera here (it needs a secure https page).");
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: facing }, width: { ideal: 1920 }, height: { ideal: 1080 } },
  });
  video.srcObject = stream;
  await video.play().catch(() => {});
  await new Promise((resolve, reject) => {
    if (video.videoWidth > 0) return resolve();
    const timer = setTimeout(() => reject(new Error("The camera did not start.")), 8000);
    video.addEventListener("loadedmetadata", () => { clearTimeout(timer); resolve(); }, { once: true });
  });
  return stream;
}

export function closeCamera(video) {
  const stream = video.srcObject;
  if (stream) for (const track of stream.getTracks()) track.stop();
  video.srcObject = null;
}

/** The current video frame at full resolution, not mirrored, as a JPEG blob. */
export function still(video, quality = 0.92, maxSide = 2560) {
  const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error("The photo could not be taken."))), "image/jpeg", quality));
}

const probe = document.createElement("canvas");
probe.width = 160;
probe.height = 90;

/**
 * Measures a downscaled frame: mean luminance (0–255), the share of near-white pixels (glare), and a sharpness figure
 * (mean absolute difference between neighbouring pixels). Cheap enough to run a few times a second.
 */
export function measure(video) {
  if (!video.videoWidth) return null;
  const ctx = probe.getContext("2d", { willReadFrequently: true });
  ctx.drawImage(video, 0, 0, probe.width, probe.height);
  const { data } = ctx.getImageData(0, 0, probe.width, probe.height);
  const w = probe.width;
  const luma = new Float32Array(probe.width * probe.height);
  let sum = 0;
  let bright = 0;
  for (let i = 0, p = 0; i < data.length; i += 4, p++) {
    const y = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    luma[p] = y;
    sum += y;
    if (y > 245) bright++;
  }
  let edges = 0;
  for (let p = 0; p < luma.length - w - 1; p++) edges += Math.abs(luma[p] - luma[p + 1]) + Math.abs(luma[p] - luma[p + w]);
  return { luminance: sum / luma.length, glare: bright / luma.length, sharpness: edges / (2 * luma.length) };
}

/** The applicant-facing hint for a document frame's measurements. */
export function documentHint(m) {
  if (!m) return "Starting the camera…";
  if (m.luminance < 60) return "More light, please: move somewhere brighter.";
  if (m.luminance > 215) return "Too bright: move out of direct light.";
  if (m.glare > 0.04) return "Glare on the document: tilt it slightly away from the light.";
  if (m.sharpness < 2.5) return "Hold still or move a little further away: the picture looks blurred.";
  return "Good light. Fit the document inside the frame and take the photo.";
}
