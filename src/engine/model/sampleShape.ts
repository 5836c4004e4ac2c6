import { ModelLoadError } from './errors';
import type { ModelManifest } from './manifest';
import type { OrtSession } from './ort';

/**
 * Checks the image shape model.json declares against the U-Net's sample input, where the ONNX file fixes its
 * dimensions (onnxruntime 1.22+ exposes them): a manifest saying 3 channels for a 1-channel U-Net fails at
 * load with a message naming both, not at the first step with onnxruntime's "invalid dimensions".
 */
export function checkSampleShape(manifest: ModelManifest, session: OrtSession): void {
  const name = manifest.unet.inputs.sample;
  const all = session.inputMetadata;
  const meta = Array.isArray(all) ? all.find((m) => m.name === name) : undefined;
  const shape = meta?.shape;
  if (!shape || shape.length !== 4) return;
  const { channels, height, width } = manifest.image;
  const declared = [channels, height, width];
  const fields = ['image.channels', 'image.height', 'image.width'];
  for (let i = 0; i < 3; i++) {
    const dim = shape[i + 1];
    if (typeof dim === 'number' && dim > 0 && dim !== declared[i]) {
      throw new ModelLoadError(
        manifest.unet.file,
        `takes '${name}' of shape [${shape.join(', ')}], but model.json says ${fields[i]} ${declared[i]} (${channels}x${height}x${width} images); the manifest does not describe this U-Net.`,
      );
    }
  }
}
