/**
 * The approval engine every area uses for "X proposes, Y approves, then Z applies" (see DESIGN,
 * Approvals). An owning area registers an {@link org.wubu.approvals.api.ApprovalHandler} for each
 * {@link org.wubu.approvals.api.ApprovalKind} it owns; staff submit and decide requests through the
 * {@link org.wubu.approvals.api.ApprovalService}; the engine hands a fully approved change back to
 * the handler to apply. {@link org.wubu.approvals.api.ApprovalEvents} names the EventAdmin topics.
 */
@Version("1.0.0")
package org.wubu.approvals.api;

import org.osgi.annotation.versioning.Version;
