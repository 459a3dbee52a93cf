namespace OpenOrders.Domain.Catalog;

// Names are the marketplace's, exactly: they travel as strings in JSON and are stored as strings.

public enum OrderType
{
    Course,
    ELearning,
    Exam,
    Coaching,
}

public enum CostType
{
    CourseFee,
    ExamFee,
    MaterialFee,
    RegistrationFee,
    AccommodationFee,
    Other,
}

public enum LearningMethodFormat
{
    Classroom,
    Online,
    Blended,
    SelfPaced,
}

/// <summary>A scheduled course has start moments; a self-planned one has none.</summary>
public enum Planning
{
    Scheduled,
    SelfPlanned,
}

public enum Subsidy
{
    None,
    STAP,
    SLIM,
    Other,
}

/// <summary>Who sends the invoice for an account's orders.</summary>
public enum InvoicedBy
{
    Marketplace,
    Provider,
    DoNotInvoice,
}
