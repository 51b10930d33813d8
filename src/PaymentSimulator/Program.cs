using Marquee.PaymentSimulator;

// The bundled payment provider for development and tests: its own small process on loopback.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddPaymentSimulator(builder.Configuration);
var app = builder.Build();
app.MapGet("/health/ready", () => Results.Ok());
app.MapPaymentSimulator();
app.Run();
