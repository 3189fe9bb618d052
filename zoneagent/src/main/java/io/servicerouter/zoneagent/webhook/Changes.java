package io.servicerouter.zoneagent.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The changes of one ExternalDNS sync pass ({@code POST /records}, ExternalDNS v0.22 {@code plan.Changes}):
 * {@code updateOld[i]} is replaced by {@code updateNew[i]}.
 *
 * @param create record sets to add
 * @param updateOld record sets to replace, as they are in the zone
 * @param updateNew their replacements, index for index
 * @param delete record sets to remove
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Changes(List<Endpoint> create, List<Endpoint> updateOld, List<Endpoint> updateNew,
    List<Endpoint> delete) {

  /** Absent lists become empty ones; an update needs its old and new halves. */
  public Changes {
    create = create == null ? List.of() : create;
    updateOld = updateOld == null ? List.of() : updateOld;
    updateNew = updateNew == null ? List.of() : updateNew;
    delete = delete == null ? List.of() : delete;
    if (updateOld.size() != updateNew.size()) {
      throw new IllegalArgumentException("updateOld has " + updateOld.size() + " entries and updateNew "
          + updateNew.size() + ": an update needs both halves");
    }
  }

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return create.isEmpty() && updateNew.isEmpty() && delete.isEmpty();
  }
}
