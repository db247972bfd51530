package dev.findmypic.models.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One object of a model's JSON configuration ({@code config.json}, {@code preprocessor_config.json}), with typed
 * getters that fall back to the defaults of the reference implementation and errors that name the file and key.
 */
public final class ConfigJson {
  private final Path file;
  private final String where;
  private final JsonObject object;

  private ConfigJson(Path file, String where, JsonObject object) {
    this.file = file;
    this.where = where;
    this.object = object;
  }

  /**
   * Reads a JSON file whose top level is an object.
   *
   * @param file the file
   * @return its top-level object
   * @throws ModelFormatException naming the file if it cannot be read or is not a JSON object
   */
  public static ConfigJson read(Path file) {
    try {
      JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!root.isJsonObject()) {
        throw new ModelFormatException(file + ": expected a JSON object at the top level");
      }
      return new ConfigJson(file, "", root.getAsJsonObject());
    } catch (IOException e) {
      throw new ModelFormatException("cannot read model config " + file + ": " + e.getMessage(), e);
    } catch (JsonParseException e) {
      throw new ModelFormatException("model config " + file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Returns a nested object, with the keys of an optional override object laid over it (as transformers lays
   * {@code text_config_dict} over {@code text_config}).
   *
   * @param key the nested object's key
   * @param overrideKey the override's key; absent or null means none
   * @return the object, empty if absent
   */
  public ConfigJson object(String key, String overrideKey) {
    JsonObject merged = new JsonObject();
    for (String k : new String[] {key, overrideKey}) {
      JsonElement e = object.get(k);
      if (e != null && e.isJsonObject()) {
        e.getAsJsonObject().entrySet().forEach(entry -> merged.add(entry.getKey(), entry.getValue()));
      } else if (e != null && !e.isJsonNull()) {
        throw error(k, "an object");
      }
    }
    return new ConfigJson(file, where + key + ".", merged);
  }

  /**
   * Reads an integer.
   *
   * @param key the key
   * @param fallback the value when the key is absent or null
   * @return the value
   */
  public int getInt(String key, int fallback) {
    JsonElement e = object.get(key);
    if (e == null || e.isJsonNull()) {
      return fallback;
    }
    try {
      return e.getAsInt();
    } catch (RuntimeException ex) {
      throw error(key, "an integer");
    }
  }

  /**
   * Reads a number.
   *
   * @param key the key
   * @param fallback the value when the key is absent or null
   * @return the value
   */
  public double getDouble(String key, double fallback) {
    JsonElement e = object.get(key);
    if (e == null || e.isJsonNull()) {
      return fallback;
    }
    try {
      return e.getAsDouble();
    } catch (RuntimeException ex) {
      throw error(key, "a number");
    }
  }

  /**
   * Reads a boolean.
   *
   * @param key the key
   * @param fallback the value when the key is absent or null
   * @return the value
   */
  public boolean getBoolean(String key, boolean fallback) {
    JsonElement e = object.get(key);
    if (e == null || e.isJsonNull()) {
      return fallback;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw error(key, "true or false");
    }
    return e.getAsBoolean();
  }

  /**
   * Reads a string.
   *
   * @param key the key
   * @param fallback the value when the key is absent or null
   * @return the value
   */
  public String getString(String key, String fallback) {
    JsonElement e = object.get(key);
    if (e == null || e.isJsonNull()) {
      return fallback;
    }
    if (!e.isJsonPrimitive()) {
      throw error(key, "a string");
    }
    return e.getAsString();
  }

  /**
   * Reads an array of numbers.
   *
   * @param key the key
   * @param fallback the value when the key is absent or null
   * @return the values
   */
  public double[] getDoubles(String key, double[] fallback) {
    JsonElement e = object.get(key);
    if (e == null || e.isJsonNull()) {
      return fallback.clone();
    }
    try {
      var array = e.getAsJsonArray();
      double[] values = new double[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = array.get(i).getAsDouble();
      }
      return values;
    } catch (RuntimeException ex) {
      throw error(key, "an array of numbers");
    }
  }

  /**
   * Tells whether a key is present with a non-null value.
   *
   * @param key the key
   * @return true if present
   */
  public boolean has(String key) {
    JsonElement e = object.get(key);
    return e != null && !e.isJsonNull();
  }

  /**
   * Tells whether a key holds a JSON object (rather than a number, say, as older configs give sizes).
   *
   * @param key the key
   * @return true if it is an object
   */
  public boolean isObject(String key) {
    JsonElement e = object.get(key);
    return e != null && e.isJsonObject();
  }

  /** @return the file this came from */
  public Path file() {
    return file;
  }

  private ModelFormatException error(String key, String expected) {
    return new ModelFormatException(
        "model config " + file + ": " + where + key + " must be " + expected + ", got " + object.get(key));
  }
}
