package dev.findmypic.models.checkpoint;

/**
 * A storage named by a pickle's persistent id: {@code ('storage', torch.FloatStorage, key, location, numel[, view])}.
 *
 * @param type its element type, from the storage class
 * @param key the key under which its bytes are stored
 * @param elementOffset where a legacy view starts in the root storage, in elements; 0 otherwise
 */
record StorageRef(TensorType type, String key, long elementOffset) {}
