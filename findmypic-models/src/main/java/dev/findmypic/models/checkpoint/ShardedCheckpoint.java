package dev.findmypic.models.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checkpoint split over several files, as described by a Hugging Face {@code *.index.json}
 * ({@code {"weight_map": {"tensor name": "shard file name"}}}). Shards are opened on first use, in any format
 * {@link Checkpoints#open(Path)} reads, and must lie in the index's directory.
 */
final class ShardedCheckpoint implements Checkpoint {
  private static final long MAX_INDEX_BYTES = 100L << 20;

  private final Path index;
  private final Map<String, Path> shardOf;
  private final Map<Path, Checkpoint> open = new LinkedHashMap<>();
  private boolean closed;

  private ShardedCheckpoint(Path index, Map<String, Path> shardOf) {
    this.index = index;
    this.shardOf = shardOf;
  }

  static ShardedCheckpoint open(Path index) {
    JsonObject weightMap = weightMap(index);
    Path dir = index.toAbsolutePath().getParent();
    Map<String, Path> shardOf = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : weightMap.entrySet()) {
      JsonElement v = e.getValue();
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
        throw new ModelFormatException(index + ": weight_map entry for '" + e.getKey() + "' is not a file name");
      }
      Path shard = dir.resolve(v.getAsString()).normalize();
      if (!dir.equals(shard.getParent()) || shard.getFileName().toString().endsWith(".index.json")) {
        throw new ModelFormatException(index + ": shard '" + v.getAsString() + "' of '" + e.getKey()
            + "' is not a file in the index's directory");
      }
      shardOf.put(e.getKey(), shard);
    }
    return new ShardedCheckpoint(index, Collections.unmodifiableMap(shardOf));
  }

  private static JsonObject weightMap(Path index) {
    try {
      if (Files.size(index) > MAX_INDEX_BYTES) {
        throw new ModelFormatException(index + ": index file larger than " + MAX_INDEX_BYTES + " bytes");
      }
      JsonElement root = JsonParser.parseString(Files.readString(index));
      JsonElement map = root.isJsonObject() ? root.getAsJsonObject().get("weight_map") : null;
      if (map == null || !map.isJsonObject()) {
        throw new ModelFormatException(index + ": sharded checkpoint index has no weight_map object");
      }
      return map.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new ModelFormatException(index + ": sharded checkpoint index is not valid JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelException(index + ": cannot read sharded checkpoint index: " + e.getMessage(), e);
    }
  }

  @Override
  public Path source() {
    return index;
  }

  @Override
  public Set<String> names() {
    return shardOf.keySet();
  }

  @Override
  public Tensor get(String name) {
    Path shard = shardOf.get(name);
    if (shard == null) {
      throw new ModelFormatException(index + ": no tensor named '" + name + "'");
    }
    Checkpoint checkpoint = shard(shard);
    if (!checkpoint.names().contains(name)) {
      throw new ModelFormatException(index + ": shard " + shard.getFileName() + " has no tensor '" + name
          + "' although the index says so");
    }
    return checkpoint.get(name);
  }

  private synchronized Checkpoint shard(Path shard) {
    if (closed) {
      throw new IllegalStateException(index + " is closed");
    }
    return open.computeIfAbsent(shard, Checkpoints::open);
  }

  @Override
  public synchronized void release(Tensor tensor) {
    open.values().forEach(shard -> shard.release(tensor));
  }

  @Override
  public synchronized void close() {
    closed = true;
    List<Checkpoint> shards = new ArrayList<>(open.values());
    open.clear();
    shards.forEach(Checkpoint::close);
  }
}
