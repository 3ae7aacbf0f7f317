namespace ServicesSync.Canonical;

/// <summary>Whether a worker is on the payroll or engaged through a contract.</summary>
public enum WorkerKind
{
    Employee,
    Contractor,
}
