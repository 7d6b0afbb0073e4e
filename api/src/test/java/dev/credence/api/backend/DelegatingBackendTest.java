package dev.credence.api.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every method of {@link Backend}, the default ones included, reaches the wrapped backend with the
 * same arguments and returns what it returned: checked by reflection, so a method added to the SPI
 * and not forwarded fails here.
 */
class DelegatingBackendTest {

    /** One call that reached the wrapped backend. */
    record Call(Method method, Object[] args, Object result) {}

    /** A value of a type that identifies where it came from: a fresh proxy, array or string. */
    private static Object sample(Class<?> type, String tag) {
        if (type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == int.class) {
            return 7;
        }
        if (type == double.class) {
            return 2.5;
        }
        if (type == String.class) {
            return new String(tag);
        }
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 3);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == Attributes.class) {
            return new Attributes.Axis(tag.length()); // sealed: one of its records
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(
                    type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> tag);
        }
        if (type == Shape.class) {
            return Shape.of(2, 3);
        }
        if (type == Device.class) {
            return new Device(Device.Kind.CPU, 0);
        }
        throw new AssertionError("no sample value for " + type);
    }

    @Test
    @DisplayName("each Backend method forwards its arguments and returns the wrapped result")
    void forwardsEveryMethod() throws Exception {
        List<Call> calls = new ArrayList<>();
        Backend inner =
                (Backend)
                        Proxy.newProxyInstance(
                                Backend.class.getClassLoader(),
                                new Class<?>[] {Backend.class},
                                (proxy, m, args) -> {
                                    Object result =
                                            sample(m.getReturnType(), "inner " + m.getName());
                                    calls.add(
                                            new Call(
                                                    m,
                                                    args == null ? new Object[0] : args,
                                                    result));
                                    return result;
                                });
        Backend wrapper = new DelegatingBackend(inner) {};
        int checked = 0;
        for (Method m : Backend.class.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = sample(m.getParameterTypes()[i], "arg " + i);
            }
            calls.clear();
            Object result;
            try {
                result = m.invoke(wrapper, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(m.getName() + " threw", e.getCause());
            }
            assertEquals(1, calls.size(), m.getName() + " reached the wrapped backend once");
            Call c = calls.get(0);
            assertEquals(m, c.method(), m.getName());
            assertArrayEquals(args, c.args(), m.getName() + " passed its arguments through");
            for (int i = 0; i < args.length; i++) {
                if (!m.getParameterTypes()[i].isPrimitive()) {
                    assertSame(args[i], c.args()[i], m.getName() + " argument " + i);
                }
            }
            if (!m.getReturnType().isPrimitive()) {
                assertSame(c.result(), result, m.getName() + " returned the wrapped result");
            } else if (m.getReturnType() != void.class) {
                assertEquals(c.result(), result, m.getName() + " returned the wrapped result");
            }
            checked++;
        }
        assertEquals(Backend.class.getMethods().length, checked);
    }
}
