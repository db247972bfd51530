import dev.findmypic.models.hardware.*;
public class DeviceCheck {
  public static void main(String[] a) {
    HardwareProfile p = HardwareDetector.detect();
    System.out.println("profile: " + p);
    System.out.println("tier: " + TierPolicy.tierFor(p) + " -> " + TierPolicy.tierFor(p).clip().repoId());
  }
}
