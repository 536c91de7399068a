package dev.picloud.kv.control;

/** What a committed write did to an entry, as trigger events name it (SPEC 6.2). */
public enum KvOp {
  INSERT,
  UPDATE,
  DELETE;

  public String wire() {
    return name().toLowerCase();
  }
}
