/**
 * Model checkpoint readers: safetensors (memory-mapped), {@code torch.save} zip and legacy pickles (restricted
 * unpickler), sharded {@code *.index.json}, TF.js weight manifests, and conversion of their tensors to floats and DJL
 * arrays. Start at {@link dev.findmypic.models.checkpoint.Checkpoints#open(java.nio.file.Path)}.
 */
package dev.findmypic.models.checkpoint;
