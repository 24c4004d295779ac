package net.sf.json;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Stand-in of json-lib's JSONObject (Jenkins' fork 2.4-jenkins), the form data Stapler binds. Its Map members are
 * declared as upstream declares them (raw {@code entrySet}, {@code values} and {@code putAll}); the rest is left out.
 */
@SuppressWarnings("rawtypes")
public final class JSONObject extends AbstractJSON implements JSON, Map<String, Object>, Comparable {
    private static final long serialVersionUID = 1L;

    public JSONObject() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean isEmpty() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean containsKey(Object key) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean containsValue(Object value) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Object get(Object key) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void putAll(Map map) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Set<String> keySet() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Collection values() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Set entrySet() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int compareTo(Object other) {
        throw new UnsupportedOperationException("stand-in");
    }
}
