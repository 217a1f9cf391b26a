package dev.trinity.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.Secret;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Checks that every declared instance field of a value class takes part in {@code equals}, {@code
 * hashCode} and {@code toString}: it builds two equal samples, changes one field of the second
 * (through reflection for a class, through the canonical constructor for a record) and expects the
 * two to differ in all three. A field left out of {@code toString} must be named, with the reason
 * (a masked secret, say); a field whose type the contract cannot vary on its own needs a variant
 * registered with {@link #vary}, so that a new field fails loudly instead of being skipped.
 */
final class ValueContract<T> {
  private final Supplier<T> sample;
  private final Map<String, String> notInToString = new LinkedHashMap<>();
  private final Map<Class<?>, UnaryOperator<@Nullable Object>> variants = new HashMap<>();

  private ValueContract(Supplier<T> sample) {
    this.sample = sample;
  }

  /**
   * Starts a contract for the values {@code sample} builds.
   *
   * @param sample builds a new, equal value each time; set as many fields as possible
   */
  static <T> ValueContract<T> of(Supplier<T> sample) {
    return new ValueContract<>(sample);
  }

  /** Accepts that {@code field} does not show in {@code toString}, for the given reason. */
  ValueContract<T> notInToString(String field, String reason) {
    notInToString.put(field, reason);
    return this;
  }

  /** Says how to make a different value of {@code type} from the current one (maybe null). */
  <V> ValueContract<T> vary(Class<V> type, UnaryOperator<@Nullable V> different) {
    @SuppressWarnings("unchecked")
    UnaryOperator<@Nullable Object> op = v -> different.apply((V) v);
    variants.put(type, op);
    return this;
  }

  /** Runs the checks; fails naming the first field that is left out. */
  void verify() throws ReflectiveOperationException {
    T a = sample.get();
    T same = sample.get();
    Class<?> type = a.getClass();
    assertThat(same).as("two samples of %s", type.getSimpleName()).isEqualTo(a);
    assertThat(same.hashCode())
        .as("hash of two equal %s", type.getSimpleName())
        .isEqualTo(a.hashCode());
    assertThat(same.toString()).isEqualTo(a.toString());
    List<Field> fields = instanceFields(type);
    assertThat(fields).as("fields of %s", type.getSimpleName()).isNotEmpty();
    for (String name : notInToString.keySet()) {
      assertThat(fields.stream().map(Field::getName)).as("exempted field").contains(name);
    }
    for (Field f : fields) {
      T b = withChanged(sample.get(), f);
      String what = type.getSimpleName() + "." + f.getName();
      assertThat(b).as("%s is left out of equals", what).isNotEqualTo(a);
      assertThat(a).as("%s is left out of equals", what).isNotEqualTo(b);
      assertThat(b.hashCode()).as("%s is left out of hashCode", what).isNotEqualTo(a.hashCode());
      if (!notInToString.containsKey(f.getName())) {
        assertThat(b.toString()).as("%s is left out of toString", what).isNotEqualTo(a.toString());
      }
    }
  }

  private static List<Field> instanceFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
        fields.add(f);
      }
    }
    return fields;
  }

  @SuppressWarnings("unchecked")
  private T withChanged(T value, Field field) throws ReflectiveOperationException {
    field.setAccessible(true);
    Object current = field.get(value);
    Object changed =
        different(field.getType(), current, field.getDeclaringClass() + "." + field.getName());
    if (value.getClass().isRecord()) {
      return (T) recordWith(value, field.getName(), changed);
    }
    field.set(value, changed);
    return value;
  }

  private static Object recordWith(Object record, String component, @Nullable Object changed)
      throws ReflectiveOperationException {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] =
          components[i].getName().equals(component)
              ? changed
              : components[i].getAccessor().invoke(record);
    }
    Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
    canonical.setAccessible(true);
    return canonical.newInstance(values);
  }

  /** A value of {@code type} that differs from {@code current}. */
  private @Nullable Object different(Class<?> type, @Nullable Object current, String where)
      throws ReflectiveOperationException {
    UnaryOperator<@Nullable Object> variant = variants.get(type);
    if (variant != null) {
      return variant.apply(current);
    }
    if (type == int.class || type == Integer.class) {
      return current == null ? 1 : (Integer) current + 1;
    }
    if (type == long.class || type == Long.class) {
      return current == null ? 1L : (Long) current + 1;
    }
    if (type == double.class || type == Double.class) {
      return current == null ? 0.5 : (Double) current + 0.125;
    }
    if (type == boolean.class || type == Boolean.class) {
      return current == null || !(Boolean) current;
    }
    if (type == String.class) {
      return current == null ? "changed" : current + "-changed";
    }
    if (type == Duration.class) {
      return current == null ? Duration.ofSeconds(1) : ((Duration) current).plusMillis(7);
    }
    if (type == Instant.class) {
      return current == null ? Instant.EPOCH : ((Instant) current).plusMillis(7);
    }
    if (type == Path.class) {
      return current == null ? Path.of("changed") : ((Path) current).resolve("changed");
    }
    if (type == URI.class) {
      return current == null ? URI.create("http://changed.test") : URI.create(current + "changed");
    }
    if (type == Secret.class) {
      return Secret.of(current == null ? "changed" : ((Secret) current).reveal() + "-changed");
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      assertThat(constants).as("constants of %s at %s", type, where).hasSizeGreaterThan(1);
      return current == constants[0] ? constants[1] : constants[0];
    }
    if (type == List.class) {
      List<?> list = (List<?>) current;
      assertThat(list)
          .as("a list to shorten at %s: give the sample two elements", where)
          .isNotEmpty();
      return List.copyOf(list.subList(1, list.size()));
    }
    if (type == Set.class) {
      Set<?> set = (Set<?>) current;
      assertThat(set)
          .as("a set to shorten at %s: give the sample two elements", where)
          .isNotEmpty();
      return Set.copyOf(new ArrayList<>(set).subList(1, set.size()));
    }
    if (type == Map.class) {
      Map<Object, Object> map =
          current == null ? new HashMap<>() : new HashMap<>((Map<?, ?>) current);
      map.put("changed", "changed-value");
      return Map.copyOf(map);
    }
    if (type == Predicate.class) {
      return new Predicate<Object>() {
        @Override
        public boolean test(Object t) {
          return false;
        }
      };
    }
    if (type.isRecord() && current != null) {
      RecordComponent first = type.getRecordComponents()[0];
      Object part = first.getAccessor().invoke(current);
      return recordWith(current, first.getName(), different(first.getType(), part, where));
    }
    throw new AssertionError(
        "no different value for " + type.getName() + " at " + where + ": register one with vary()");
  }
}
