package dev.findmypic.models.checkpoint;

/**
 * A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a view of a storage.
 *
 * @param storage the storage it views
 * @param offset the first element, in elements of the storage
 * @param size the dimensions
 * @param stride the stride of each dimension, in elements
 */
record PickledTensor(StorageRef storage, long offset, long[] size, long[] stride) {}
