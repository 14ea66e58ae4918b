package org.wubu.catalog.internal;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

/** Runs work in one resource-local transaction (or a read without one) and always closes the EntityManager. */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(EntityManager em);
    }

    private final EntityManagerFactory emf;

    Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    <T> T write(Work<T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.run(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    <T> T read(Work<T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.run(em);
        } finally {
            em.close();
        }
    }
}
