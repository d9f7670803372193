package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code ec2} section of an account file ({@link LocalEcsState.Ec2}). */
final class Ec2Section {
  static final String ASSOCIATIONS = "IamInstanceProfileAssociations";

  private Ec2Section() {}

  static LocalEcsState.Ec2 read(Node ec2) {
    if (ec2.object() == null) {
      return LocalEcsState.Ec2.absent();
    }
    List<LocalEcsState.Association> out = new ArrayList<>();
    for (Node a : ec2.field(ASSOCIATIONS).elements()) {
      String instance = a.field("InstanceId").requiredText();
      String arn = a.field("IamInstanceProfile").field("Arn").requiredText();
      String state = a.field("State").text();
      if (instance != null && arn != null) {
        out.add(new LocalEcsState.Association(a.field("Region").text(), instance, arn,
            a.field("AssociationId").text(), state == null ? "associated" : state));
      }
    }
    return new LocalEcsState.Ec2(true, ec2.field("regions").strings(),
        ec2.has("scannedAt") ? ec2.field("scannedAt").instant() : null, out);
  }

  static void write(ObjectNode ec2, LocalEcsState.Ec2 state) {
    if (state.scannedAt() != null) {
      ec2.put("scannedAt", state.scannedAt().toString());
    }
    if (!state.regions().isEmpty()) {
      state.regions().forEach(ec2.putArray("regions")::add);
    }
    ArrayNode list = ec2.putArray(ASSOCIATIONS);
    for (LocalEcsState.Association a : state.associations()) {
      ObjectNode n = list.addObject();
      if (a.region() != null) {
        n.put("Region", a.region());
      }
      if (a.associationId() != null) {
        n.put("AssociationId", a.associationId());
      }
      n.put("InstanceId", a.instanceId());
      n.putObject("IamInstanceProfile").put("Arn", a.instanceProfileArn());
      n.put("State", a.state());
    }
  }
}
