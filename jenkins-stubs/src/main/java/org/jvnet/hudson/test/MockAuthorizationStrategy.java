package org.jvnet.hudson.test;

import hudson.model.Item;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;

/** Stand-in of jenkins-test-harness's MockAuthorizationStrategy. */
public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("stand-in");
    }

    public class Grant {
        Grant() {}

        public GrantOn everywhere() {
            throw new UnsupportedOperationException("stand-in");
        }

        public GrantOn onItems(Item... items) {
            throw new UnsupportedOperationException("stand-in");
        }

        public class GrantOn {
            GrantOn() {}

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException("stand-in");
            }
        }
    }
}
