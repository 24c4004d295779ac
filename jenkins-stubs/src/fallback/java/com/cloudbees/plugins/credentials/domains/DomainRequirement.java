package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Stand-in of the credentials plugin's DomainRequirement. */
public class DomainRequirement implements Serializable {
    private static final long serialVersionUID = 1L;
}
